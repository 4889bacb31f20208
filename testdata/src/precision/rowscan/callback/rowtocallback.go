// Package rowtocallback holds the corpus's rowscan false alarm on a row
// handed straight to a callback whose job is to scan it.
//
// Found in github.com/authzed/spicedb@v1.56.2
// internal/datastore/postgres/common/pgx.go:309 and
// github.com/jackc/pgx/v5@v5.12.0 batch.go:41.
package rowtocallback

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Clean: spicedb's QueryRowFunc.
func queryRowFunc(ctx context.Context, pool *pgxpool.Pool, rowFunc func(context.Context, pgx.Row) error, sql string, args ...any) error {
	return rowFunc(ctx, pool.QueryRow(ctx, sql, args...))
}

// Clean: pgx's QueuedQuery.QueryRow, the row of a batch handed to the
// user's function.
func queueRow(fn func(pgx.Row) error) func(pgx.BatchResults) error {
	return func(br pgx.BatchResults) error {
		row := br.QueryRow()
		return fn(row)
	}
}

// Leaking twin: the row is never scanned nor handed to anyone.
func count(ctx context.Context, pool *pgxpool.Pool) error {
	_ = pool.QueryRow(ctx, "SELECT count(*) FROM users") // want `row from pool\.QueryRow is not scanned`
	return nil
}
