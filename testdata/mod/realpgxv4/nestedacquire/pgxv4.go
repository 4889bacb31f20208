// Package pgxv4 holds nested acquisitions on a pgx v4 pool, including
// inside the callbacks of its BeginFunc and AcquireFunc methods.
package pgxv4

import (
	"context"

	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgxpool"
)

type Store struct{ pool *pgxpool.Pool }

// A query on the pool while a transaction of it is open.
func (s *Store) rename(ctx context.Context, id int64, name string) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id); err != nil {
		return err
	}
	if _, err := s.pool.Exec(ctx, "INSERT INTO audit (user_id) VALUES ($1)", id); err != nil { // want `^s\.pool\.Exec takes a second connection from the pool while transaction tx from s\.pool\.Begin \(pgxv4\.go:16\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; run it on tx, or end tx first$`
		return err
	}
	return tx.Commit(ctx)
}

// BeginFunc's callback asks the pool again.
func (s *Store) renameFunc(ctx context.Context, id int64) error {
	return s.pool.BeginFunc(ctx, func(tx pgx.Tx) error {
		var n int
		return s.pool.QueryRow(ctx, "SELECT count(*) FROM audit WHERE user_id = $1", id).Scan(&n) // want `^s\.pool\.QueryRow takes a second connection from the pool while the transaction of the callback of s\.pool\.BeginFunc \(pgxv4\.go:32\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; use the callback's transaction instead$`
	})
}

// The clean twin: the callback's transaction is used.
func (s *Store) renameFuncInTx(ctx context.Context, id int64) error {
	return s.pool.BeginFunc(ctx, func(tx pgx.Tx) error {
		var n int
		return tx.QueryRow(ctx, "SELECT count(*) FROM audit WHERE user_id = $1", id).Scan(&n)
	})
}

// AcquireFunc's callback, with QueryFunc on the pool.
func (s *Store) scan(ctx context.Context) error {
	return s.pool.AcquireFunc(ctx, func(c *pgxpool.Conn) error {
		var id int64
		_, err := s.pool.QueryFunc(ctx, "SELECT id FROM users", nil, []interface{}{&id}, func(pgx.QueryFuncRow) error { return nil }) // want `^s\.pool\.QueryFunc takes a second connection from the pool while the connection of the callback of s\.pool\.AcquireFunc \(pgxv4\.go:48\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; use the callback's connection instead$`
		return err
	})
}
