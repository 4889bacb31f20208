// Package pgxv4 holds the rows of github.com/jackc/pgx/v4: the contract of
// v5 (Close, Next returning false, a failed Scan), with QueryFunc
// closing the rows it opens.
package pgxv4

import (
	"context"

	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgxpool"
)

// The early return on an empty name leaks the rows.
func names(ctx context.Context, pool *pgxpool.Pool, prefix string) ([]string, error) {
	rows, err := pool.Query(ctx, "SELECT name FROM users WHERE name LIKE $1", prefix+"%") // want `^rows from pool\.Query is not closed on the path that returns at pgxv4\.go:26; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err // a failed Scan closes the rows in v4 too
		}
		if n == "" {
			return out, nil
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// The clean twin.
func namesClosed(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	rows, err := conn.Query(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// QueryFunc closes the rows it opens: nothing to release.
func count(ctx context.Context, pool *pgxpool.Pool) (int, error) {
	var n, id int
	_, err := pool.QueryFunc(ctx, "SELECT id FROM users", nil, []interface{}{&id}, func(pgx.QueryFuncRow) error {
		n++
		return nil
	})
	return n, err
}

// Rows of a transaction, through the pgx.Tx interface.
func inTx(ctx context.Context, tx pgx.Tx) (bool, error) {
	rows, err := tx.Query(ctx, "SELECT 1") // want `^rows from tx\.Query is not closed on the path that returns at pgxv4\.go:68; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return false, err
	}
	ok := rows.Err() == nil
	return ok, nil
}
