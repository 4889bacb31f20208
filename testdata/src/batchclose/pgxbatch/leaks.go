// Package pgxbatch holds batchclose cases: pgx.BatchResults from SendBatch
// on a pool, a connection, a pooled connection, a transaction and an
// sqlc-style DBTX.
package pgxbatch

import (
	"context"
	"fmt"
	"log"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The cases whose messages name a line come first: line numbers are fragile.

// The example of the documentation: an Exec error returns with the batch
// results open.
func insertUsers(ctx context.Context, pool *pgxpool.Pool, names []string) error {
	batch := &pgx.Batch{}
	for _, n := range names {
		batch.Queue("INSERT INTO users (name) VALUES ($1)", n)
	}
	br := pool.SendBatch(ctx, batch) // want `batch results br from pool\.SendBatch is not closed on the path that returns at leaks\.go:27; defer br\.Close\(\)`
	for range batch.Len() {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return br.Close()
}

// An early return before the results are read.
func touchUsers(ctx context.Context, conn *pgx.Conn, ids []int64, dryRun bool) error {
	batch := &pgx.Batch{}
	for _, id := range ids {
		batch.Queue("UPDATE users SET seen_at = now() WHERE id = $1", id)
	}
	br := conn.SendBatch(ctx, batch) // want `batch results br from conn\.SendBatch is not closed on the path that returns at leaks\.go:41; defer br\.Close\(\)`
	if dryRun {
		return nil
	}
	defer br.Close()
	for range ids {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return nil
}

// In a transaction, open batch results make every later query fail.
func reserveItems(ctx context.Context, tx pgx.Tx, skus []string) (int, error) {
	batch := &pgx.Batch{}
	for _, sku := range skus {
		batch.Queue("UPDATE stock SET reserved = reserved + 1 WHERE sku = $1", sku)
	}
	br := tx.SendBatch(ctx, batch) // want `batch results br from tx\.SendBatch is not closed on the path that breaks out of the loop at leaks\.go:63 and returns at leaks\.go:68; defer br\.Close\(\)`
	reserved := 0
	for range skus {
		tag, err := br.Exec()
		if err != nil {
			break
		}
		reserved += int(tag.RowsAffected())
	}
	if _, err := tx.Exec(ctx, "UPDATE carts SET reserved = true"); err != nil {
		return 0, err
	}
	return reserved, br.Close()
}

// One batch per chunk, none of them closed.
func insertOrdersInChunks(ctx context.Context, c *pgxpool.Conn, orders []Order) error {
	for start := 0; start < len(orders); start += 100 {
		end := min(start+100, len(orders))
		batch := &pgx.Batch{}
		for _, o := range orders[start:end] {
			batch.Queue("INSERT INTO orders (id, user_id, total) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Total)
		}
		br := c.SendBatch(ctx, batch) // want `batch results br from c\.SendBatch is not closed before the loop iterates again at leaks\.go:85; release it before the next iteration, or move the loop body into a function`
		if _, err := br.Exec(); err != nil {
			log.Printf("insert chunk at %d: %v", start, err)
		}
	}
	return nil
}

// The leak is in a function literal.
func queueWorker(pool *pgxpool.Pool, jobs <-chan *pgx.Batch) func(context.Context) error {
	return func(ctx context.Context) error {
		for b := range jobs {
			br := pool.SendBatch(ctx, b) // want `batch results br from pool\.SendBatch is not closed on the path that returns at leaks\.go:95; defer br\.Close\(\)`
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := br.Close(); err != nil {
				return err
			}
		}
		return nil
	}
}

// Through the DBTX interface of sqlc's batch queries.
func (q *Queries) MarkShipped(ctx context.Context, ids []int64) error {
	batch := &pgx.Batch{}
	for _, id := range ids {
		batch.Queue(markShipped, id)
	}
	br := q.db.SendBatch(ctx, batch) // want `batch results br from q\.db\.SendBatch is not closed on the path that returns at leaks\.go:114; defer br\.Close\(\)`
	for _, id := range ids {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("mark order %d shipped: %w", id, err)
		}
	}
	return br.Close()
}

// The results of a SendBatch used as a statement are never closed.
func fireAndForget(ctx context.Context, pool *pgxpool.Pool, batch *pgx.Batch) {
	pool.SendBatch(ctx, batch) // want `batch results from pool\.SendBatch is not closed: the result is discarded`
}

// The results assigned to the blank identifier.
func fireAndForgetOnConn(ctx context.Context, conn *pgx.Conn, batch *pgx.Batch) {
	_ = conn.SendBatch(ctx, batch) // want `batch results from conn\.SendBatch is not closed: the result is discarded`
}
