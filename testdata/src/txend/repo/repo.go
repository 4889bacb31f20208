// Package repo is a repository package the txend cases hand their
// transactions to; what it does with them is not visible to the caller.
package repo

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5"
)

type Order struct {
	ID     int64
	UserID int64
	Cents  int64
}

// Save inserts an order in tx. It may or may not end tx.
func Save(ctx context.Context, tx pgx.Tx, o Order) error {
	_, err := tx.Exec(ctx, "INSERT INTO orders (id, user_id, cents) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Cents)
	return err
}

// SaveSQL is Save for database/sql.
func SaveSQL(ctx context.Context, tx *sql.Tx, o Order) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO orders (id, user_id, cents) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Cents)
	return err
}
