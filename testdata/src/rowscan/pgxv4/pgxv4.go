// Package pgxv4 holds the rows of pgx v4's QueryRow.
package pgxv4

import (
	"context"

	"github.com/jackc/pgx/v4/pgxpool"
)

// The row pins a pooled connection until it is scanned.
func balance(ctx context.Context, pool *pgxpool.Pool, id int64) (int64, error) {
	row := pool.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", id) // want `^row from pool\.QueryRow is not scanned on the path that returns at pgxv4\.go:14; call row\.Scan, or use Exec if no row is wanted$`
	if id == 0 {
		return 0, nil
	}
	var b int64
	err := row.Scan(&b)
	return b, err
}

// The clean twin.
func balanceScanned(ctx context.Context, pool *pgxpool.Pool, id int64) (b int64, err error) {
	err = pool.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", id).Scan(&b)
	return b, err
}
