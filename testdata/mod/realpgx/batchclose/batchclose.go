// Package batchclose holds batchclose cases against the real pgx v5 and
// pgxpool: each leak has a clean twin below it.
package batchclose

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func batchOf(ids []int64) *pgx.Batch {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("UPDATE orders SET shipped = true WHERE id = $1", id)
	}
	return b
}

// A failed Exec returns with the batch results open, and their
// connection busy.
func ship(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	br := pool.SendBatch(ctx, batchOf(ids)) // want `^batch results br from pool\.SendBatch is not closed on the path that returns at batchclose\.go:26; defer br\.Close\(\)$`
	for range ids {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return br.Close()
}

// Clean twin: defer br.Close().
func shipDefer(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	br := pool.SendBatch(ctx, batchOf(ids))
	defer br.Close()
	for range ids {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return nil
}

// Clean: SendBatch on a transaction, results closed before Commit.
func shipTx(ctx context.Context, conn *pgx.Conn, ids []int64) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	br := tx.SendBatch(ctx, batchOf(ids))
	if err := br.Close(); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Clean: results read with QueryRow, closed by defer.
func firstCount(ctx context.Context, pool *pgxpool.Pool) (int64, error) {
	b := &pgx.Batch{}
	b.Queue("SELECT count(*) FROM orders")
	br := pool.SendBatch(ctx, b)
	defer br.Close()
	var n int64
	err := br.QueryRow().Scan(&n)
	return n, err
}

// Clean: queued callbacks, results closed at once.
func queued(ctx context.Context, pool *pgxpool.Pool) (int64, error) {
	var n int64
	b := &pgx.Batch{}
	b.Queue("SELECT count(*) FROM orders").QueryRow(func(row pgx.Row) error {
		return row.Scan(&n)
	})
	err := pool.SendBatch(ctx, b).Close()
	return n, err
}
