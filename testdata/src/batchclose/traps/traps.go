// Package traps holds pgx v5.12.0's batch traps, each read in its source:
//
//   - Rows from BatchResults.Query hold a result of the batch; closing
//     them (baseRows.Close) closes that result only. The connection is
//     freed by BatchResults.Close (poolBatchResults.Close releases the
//     pooled connection), so the batch must be closed as well.
//   - A failed Exec (batchResults.Exec) closes the multi-result reader
//     but not the batch: returning on that error without Close keeps the
//     pooled connection.
package traps

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The rows of the batch are closed, the batch is not.
func firstNames(ctx context.Context, pool *pgxpool.Pool, b *pgx.Batch) ([]string, error) {
	br := pool.SendBatch(ctx, b) // want `^batch results br from pool\.SendBatch is not closed on the path that returns at traps\.go:24 \(and 2 other exits\); defer br\.Close\(\)$`
	rows, err := br.Query()
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

// The clean twin: the batch is closed after its rows.
func firstNamesClosed(ctx context.Context, pool *pgxpool.Pool, b *pgx.Batch) ([]string, error) {
	br := pool.SendBatch(ctx, b)
	defer br.Close()
	rows, err := br.Query()
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

// An Exec of the loop fails, and the batch is left open.
func execAll(ctx context.Context, pool *pgxpool.Pool, b *pgx.Batch) error {
	br := pool.SendBatch(ctx, b) // want `^batch results br from pool\.SendBatch is not closed on the path that returns at traps\.go:63; defer br\.Close\(\)$`
	for i := 0; i < b.Len(); i++ {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return br.Close()
}

// The clean twin: closed on the error path too.
func execAllClosed(ctx context.Context, pool *pgxpool.Pool, b *pgx.Batch) error {
	br := pool.SendBatch(ctx, b)
	for i := 0; i < b.Len(); i++ {
		if _, err := br.Exec(); err != nil {
			br.Close()
			return err
		}
	}
	return br.Close()
}
