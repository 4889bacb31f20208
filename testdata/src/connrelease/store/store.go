// Package store is a repository package: the connrelease cases hand it
// connections, and what it does with them is its own business.
package store

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// SaveUserName writes a user's name on the given connection. Whether it
// releases the connection is not visible from the caller's package.
func SaveUserName(ctx context.Context, conn *pgxpool.Conn, id int64, name string) error {
	_, err := conn.Exec(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id)
	return err
}
