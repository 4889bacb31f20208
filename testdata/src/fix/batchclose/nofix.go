package batchclose

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// The leaks below get no fix.

// Per tenant in a loop.
func perTenant(ctx context.Context, conn *pgx.Conn, tenants [][]string) error {
	for _, names := range tenants {
		batch := &pgx.Batch{}
		for _, n := range names {
			batch.Queue("INSERT INTO users (name) VALUES ($1)", n)
		}
		br := conn.SendBatch(ctx, batch) // want `batch results br from conn\.SendBatch is not closed on the path that returns`
		if _, err := br.Exec(); err != nil {
			return err
		}
		br.Close()
	}
	return nil
}

// Not assigned to a variable.
func discard(ctx context.Context, conn *pgx.Conn) {
	conn.SendBatch(ctx, &pgx.Batch{}) // want `batch results from conn\.SendBatch is not closed`
}
