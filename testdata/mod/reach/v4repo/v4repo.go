// Package v4repo reaches pgx v4, a root of the built-in model.
package v4repo

import (
	"context"

	"github.com/jackc/pgx/v4"
)

// Ping checks the connection.
func Ping(ctx context.Context, conn *pgx.Conn) error { return conn.Ping(ctx) }
