// Package pgxv4 holds the batch results of pgx v4.
package pgxv4

import (
	"context"

	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgxpool"
)

// A failed Exec returns without closing the batch: the pooled
// connection stays taken (poolBatchResults.Close releases it).
func insert(ctx context.Context, pool *pgxpool.Pool, names []string) error {
	b := &pgx.Batch{}
	for _, n := range names {
		b.Queue("INSERT INTO users (name) VALUES ($1)", n)
	}
	br := pool.SendBatch(ctx, b) // want `^batch results br from pool\.SendBatch is not closed on the path that returns at pgxv4\.go:21; defer br\.Close\(\)$`
	for range names {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return br.Close()
}

// The clean twin.
func insertClosed(ctx context.Context, pool *pgxpool.Pool, names []string) error {
	b := &pgx.Batch{}
	for _, n := range names {
		b.Queue("INSERT INTO users (name) VALUES ($1)", n)
	}
	br := pool.SendBatch(ctx, b)
	defer br.Close()
	for range names {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return nil
}
