// Package pgxvalueserr holds the corpus's false alarm on pgx rows left
// open when Values fails: like a Scan error, a Values error goes through
// rows.fatal, which closes the rows (pgx v5.12.0 rows.go, baseRows.Values
// and baseRows.fatal); nothing is held on that return.
//
// Found in github.com/dapr/components-contrib@v1.16.1
// bindings/postgres/postgres.go:222.
package pgxvalueserr

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Clean: dapr's postgres binding query.
func query(ctx context.Context, pool *pgxpool.Pool, sql string) ([]any, error) {
	rows, err := pool.Query(ctx, sql)
	if err != nil {
		return nil, err
	}
	rs := make([]any, 0)
	for rows.Next() {
		val, err := rows.Values()
		if err != nil {
			return nil, fmt.Errorf("reading a row: %w", err)
		}
		rs = append(rs, val)
	}
	return rs, rows.Err()
}

// Leaking twin: a check of the caller's own stops the loop with the rows
// open.
func firstN(ctx context.Context, pool *pgxpool.Pool, sql string, n int) ([]any, error) {
	rows, err := pool.Query(ctx, sql) // want `rows from pool\.Query is not closed`
	if err != nil {
		return nil, err
	}
	rs := make([]any, 0)
	for rows.Next() {
		if len(rs) == n {
			return nil, fmt.Errorf("more than %d rows", n)
		}
		val, err := rows.Values()
		if err != nil {
			return nil, err
		}
		rs = append(rs, val)
	}
	return rs, rows.Err()
}
