// Package callbacks holds nested acquisitions inside the callbacks of
// scoped helpers, which hold a connection or transaction for their
// whole body.
package callbacks

import (
	"context"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Service struct {
	pool *dbleakrt.Pool
	raw  *pgxpool.Pool
}

// WithTx holds a transaction; the callback asks the pool behind the
// runtime pool for another connection.
func (s *Service) archive(ctx context.Context, id int64) error {
	return s.pool.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "UPDATE items SET archived = true WHERE id = $1", id); err != nil {
			return err
		}
		_, err := s.pool.Pgx().Exec(ctx, "INSERT INTO audit (item_id) VALUES ($1)", id) // want `^s\.pool\.Pgx\(\)\.Exec takes a second connection from the pool while the transaction of the callback of s\.pool\.WithTx \(callbacks\.go:22\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; use the callback's transaction instead$`
		return err
	})
}

// The clean twin: everything runs on the callback's transaction.
func (s *Service) archiveInTx(ctx context.Context, id int64) error {
	return s.pool.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "UPDATE items SET archived = true WHERE id = $1", id); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, "INSERT INTO audit (item_id) VALUES ($1)", id)
		return err
	})
}

// WithConn nested in WithConn on the same pool.
func (s *Service) nested(ctx context.Context) error {
	return s.pool.WithConn(ctx, func(c *pgxpool.Conn) error {
		return s.pool.WithConn(ctx, func(c2 *pgxpool.Conn) error { // want `^s\.pool\.WithConn takes a second connection from the pool while the connection of the callback of s\.pool\.WithConn \(callbacks\.go:44\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; use the callback's connection instead$`
			return nil
		})
	})
}

// AcquireFunc and pgx.BeginFunc on a *pgxpool.Pool.
func acquireFunc(ctx context.Context, pool *pgxpool.Pool) error {
	return pool.AcquireFunc(ctx, func(c *pgxpool.Conn) error {
		return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error { // want `^pgx\.BeginFunc takes a second connection from the pool while the connection of the callback of pool\.AcquireFunc \(callbacks\.go:53\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; use the callback's connection instead$`
			return nil
		})
	})
}

// pgx.BeginFunc on the pool, and the pool queried inside.
func beginFunc(ctx context.Context, pool *pgxpool.Pool) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		var n int
		return pool.QueryRow(ctx, "SELECT 1").Scan(&n) // want `^pool\.QueryRow takes a second connection from the pool while the transaction of the callback of pgx\.BeginFunc \(callbacks\.go:62\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; use the callback's transaction instead$`
	})
}

// The clean twin: a savepoint on the callback's transaction is no
// pool's.
func savepoint(ctx context.Context, pool *pgxpool.Pool) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		return pgx.BeginFunc(ctx, tx, func(sp pgx.Tx) error {
			_, err := sp.Exec(ctx, "SELECT 1")
			return err
		})
	})
}

// The clean twin: a different pool inside the callback.
func (s *Service) otherPool(ctx context.Context) error {
	return s.pool.WithConn(ctx, func(c *pgxpool.Conn) error {
		_, err := s.raw.Exec(ctx, "SELECT 1")
		return err
	})
}
