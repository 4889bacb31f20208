// Package rowscan holds rowscan cases against the real pgx v5, pgxpool
// and database/sql: each leak has a clean twin below it.
package rowscan

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

var cache = map[int64]int64{}

// The cache-hit return never scans the database/sql row, which holds a
// connection until Scan.
func total(ctx context.Context, db *sql.DB, user int64) (int64, error) {
	row := db.QueryRowContext(ctx, "SELECT sum(cents) FROM orders WHERE user_id = $1", user) // want `^row from db\.QueryRowContext is not scanned on the path that returns at rowscan\.go:19; call row\.Scan, or use Exec if no row is wanted$`
	if t, ok := cache[user]; ok {
		return t, nil
	}
	var t int64
	err := row.Scan(&t)
	return t, err
}

// Clean twin: look in the cache first, scan the row at once.
func totalCacheFirst(ctx context.Context, db *sql.DB, user int64) (int64, error) {
	if t, ok := cache[user]; ok {
		return t, nil
	}
	var t int64
	err := db.QueryRowContext(ctx, "SELECT sum(cents) FROM orders WHERE user_id = $1", user).Scan(&t)
	return t, err
}

// The same leak with pgx: the pgx row is never scanned on the early
// return.
func balance(ctx context.Context, pool *pgxpool.Pool, account int64, skip bool) (int64, error) {
	row := pool.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", account) // want `^row from pool\.QueryRow is not scanned on the path that returns at rowscan\.go:41; call row\.Scan, or use Exec if no row is wanted$`
	if skip {
		return 0, nil
	}
	var b int64
	return b, row.Scan(&b)
}

// Clean twin: the pgx row is scanned on every path.
func balanceScanned(ctx context.Context, pool *pgxpool.Pool, account int64) (int64, error) {
	var b int64
	err := pool.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", account).Scan(&b)
	return b, err
}
