// Package batchclose holds the batch results that -fix closes: defer
// br.Close() right after SendBatch, which returns no error
// (fix.go.golden).
package batchclose

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func insertUsers(ctx context.Context, pool *pgxpool.Pool, names []string) error {
	batch := &pgx.Batch{}
	for _, n := range names {
		batch.Queue("INSERT INTO users (name) VALUES ($1)", n)
	}
	br := pool.SendBatch(ctx, batch) // want `batch results br from pool\.SendBatch is not closed on the path that returns`
	for range batch.Len() {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return br.Close()
}
