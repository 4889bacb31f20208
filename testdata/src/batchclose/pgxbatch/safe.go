package pgxbatch

import (
	"context"
	"fmt"
	"log"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The idiom: defer br.Close() right after SendBatch.
func insertUsersDeferred(ctx context.Context, pool *pgxpool.Pool, names []string) error {
	batch := &pgx.Batch{}
	for _, n := range names {
		batch.Queue("INSERT INTO users (name) VALUES ($1)", n)
	}
	br := pool.SendBatch(ctx, batch) // ok
	defer br.Close()
	for range batch.Len() {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return nil
}

// Clean twin of insertUsers: closed on the error path and at the end.
func insertUsersClosed(ctx context.Context, pool *pgxpool.Pool, names []string) error {
	batch := &pgx.Batch{}
	for _, n := range names {
		batch.Queue("INSERT INTO users (name) VALUES ($1)", n)
	}
	br := pool.SendBatch(ctx, batch) // ok
	for range batch.Len() {
		if _, err := br.Exec(); err != nil {
			br.Close()
			return err
		}
	}
	return br.Close()
}

// Callbacks queued on the batch, and the results closed at once.
func loadUsers(ctx context.Context, conn *pgx.Conn, ids []int64) (map[int64]string, error) {
	names := make(map[int64]string)
	batch := &pgx.Batch{}
	for _, id := range ids {
		batch.Queue("SELECT name FROM users WHERE id = $1", id).QueryRow(func(row pgx.Row) error {
			var n string
			err := row.Scan(&n)
			names[id] = n
			return err
		})
	}
	err := conn.SendBatch(ctx, batch).Close() // ok
	return names, err
}

// Clean twin of reserveItems.
func reserveItemsClosed(ctx context.Context, tx pgx.Tx, skus []string) (int, error) {
	batch := &pgx.Batch{}
	for _, sku := range skus {
		batch.Queue("UPDATE stock SET reserved = reserved + 1 WHERE sku = $1", sku)
	}
	br := tx.SendBatch(ctx, batch) // ok
	reserved := 0
	for range skus {
		tag, err := br.Exec()
		if err != nil {
			break
		}
		reserved += int(tag.RowsAffected())
	}
	if err := br.Close(); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, "UPDATE carts SET reserved = true"); err != nil {
		return 0, err
	}
	return reserved, nil
}

// Clean twin of insertOrdersInChunks: each chunk's results are closed.
func insertOrdersInChunksClosed(ctx context.Context, c *pgxpool.Conn, orders []Order) error {
	for start := 0; start < len(orders); start += 100 {
		end := min(start+100, len(orders))
		batch := &pgx.Batch{}
		for _, o := range orders[start:end] {
			batch.Queue("INSERT INTO orders (id, user_id, total) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Total)
		}
		br := c.SendBatch(ctx, batch) // ok
		_, err := br.Exec()
		if cerr := br.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Closed by a deferred function literal that keeps the first error.
func markPaid(ctx context.Context, pool *pgxpool.Pool, ids []int64) (err error) {
	batch := &pgx.Batch{}
	for _, id := range ids {
		batch.Queue("UPDATE orders SET paid = true WHERE id = $1", id)
	}
	br := pool.SendBatch(ctx, batch) // ok
	defer func() {
		if cerr := br.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	for _, id := range ids {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("mark order %d paid: %w", id, err)
		}
	}
	return nil
}

// Returned to the caller, who reads and closes them.
func sendUserLookups(ctx context.Context, pool *pgxpool.Pool, emails []string) pgx.BatchResults {
	batch := &pgx.Batch{}
	for _, e := range emails {
		batch.Queue("SELECT id FROM users WHERE email = $1", e)
	}
	return pool.SendBatch(ctx, batch) // ok
}

// Closed by a helper of this package.
func deleteUsers(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	batch := &pgx.Batch{}
	for _, id := range ids {
		batch.Queue("DELETE FROM users WHERE id = $1", id)
	}
	br := pool.SendBatch(ctx, batch) // ok
	defer closeBatch(br)
	for range ids {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return nil
}

// Handed to a struct whose Close closes them: ownership is unclear.
type pending struct {
	br pgx.BatchResults
	n  int
}

func (p *pending) send(ctx context.Context, pool *pgxpool.Pool, batch *pgx.Batch) {
	br := pool.SendBatch(ctx, batch) // ok
	p.br = br
	p.n = batch.Len()
}

// The path without a Close ends in log.Fatal.
func mustMigrate(ctx context.Context, conn *pgx.Conn, stmts []string) {
	batch := &pgx.Batch{}
	for _, s := range stmts {
		batch.Queue(s)
	}
	br := conn.SendBatch(ctx, batch) // ok
	for _, s := range stmts {
		if _, err := br.Exec(); err != nil {
			log.Fatalf("migrate %q: %v", s, err)
		}
	}
	if err := br.Close(); err != nil {
		log.Fatal(err)
	}
}

// Clean twin of queueWorker.
func queueWorkerClosed(pool *pgxpool.Pool, jobs <-chan *pgx.Batch) func(context.Context) error {
	return func(ctx context.Context) error {
		for b := range jobs {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			br := pool.SendBatch(ctx, b) // ok
			if err := br.Close(); err != nil {
				return err
			}
		}
		return nil
	}
}

// A type with SendBatch and Close methods that is not pgx.
type mailer struct{ open int }

type delivery struct{ m *mailer }

func (m *mailer) SendBatch(ctx context.Context, to []string) *delivery {
	m.open++
	return &delivery{m}
}

func (d *delivery) Close() error { d.m.open--; return nil }

func notifyAll(ctx context.Context, m *mailer, to []string) bool {
	d := m.SendBatch(ctx, to) // ok
	return d != nil
}

type Order struct {
	ID, UserID, Total int64
}

// DBTX is the interface sqlc generates for pgx/v5 with batch queries.
type DBTX interface {
	Exec(context.Context, string, ...interface{}) (pgconn.CommandTag, error)
	Query(context.Context, string, ...interface{}) (pgx.Rows, error)
	QueryRow(context.Context, string, ...interface{}) pgx.Row
	SendBatch(context.Context, *pgx.Batch) pgx.BatchResults
}

type Queries struct {
	db DBTX
}

const markShipped = `UPDATE orders SET shipped = true WHERE id = $1`

func closeBatch(br pgx.BatchResults) {
	if err := br.Close(); err != nil {
		log.Printf("close batch: %v", err)
	}
}
