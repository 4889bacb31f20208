// Package pgxpool holds nested acquisitions on a *pgxpool.Pool: a
// connection or transaction is held, and the same pool is asked for
// another connection.
package pgxpool

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct {
	pool  *pgxpool.Pool
	audit *pgxpool.Pool
}

// A query on the pool while a connection of it is held, until the
// deferred release at the return.
func (s *Store) userCount(ctx context.Context) (int, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SET statement_timeout = 1000"); err != nil {
		return 0, err
	}
	var n int
	err = s.pool.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n) // want `^s\.pool\.QueryRow takes a second connection from the pool while connection conn from s\.pool\.Acquire \(pgxpool\.go:21\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; use conn instead, or release it first$`
	return n, err
}

// The clean twin: the query runs on the held connection.
func (s *Store) userCountOnConn(ctx context.Context) (int, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Release()
	var n int
	err = conn.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}

// The clean twin: the connection is released before the pool is used.
func (s *Store) releasedFirst(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	_, err = conn.Exec(ctx, "SELECT 1")
	conn.Release()
	if err != nil {
		return err
	}
	_, err = s.pool.Exec(ctx, "SELECT 2")
	return err
}

// The clean twin: the other pool is another pool.
func (s *Store) otherPool(ctx context.Context) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := s.audit.Exec(ctx, "INSERT INTO audit VALUES (1)"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// A transaction of the pool parameter is open while the pool begins
// another and sends a batch.
func transfer(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	other, err := pool.Begin(ctx) // want `^pool\.Begin takes a second connection from the pool while transaction tx from pool\.Begin \(pgxpool\.go:77\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; run it on tx, or end tx first$`
	if err != nil {
		return err
	}
	defer other.Rollback(ctx)
	br := pool.SendBatch(ctx, &pgx.Batch{}) // want `^pool\.SendBatch takes a second connection from the pool while transaction tx from pool\.Begin \(pgxpool\.go:77\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; run it on tx, or end tx first$`
	if err := br.Close(); err != nil {
		return err
	}
	if err := other.Commit(ctx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Nothing is held on the error branch of Acquire.
func onError(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		_, err2 := pool.Exec(ctx, "INSERT INTO failures VALUES (1)")
		return err2
	}
	conn.Release()
	return nil
}

// Two different pools passed as parameters may be the same pool, or
// not: the check cannot tell, and stays silent.
func twoParams(ctx context.Context, a, b *pgxpool.Pool) error {
	conn, err := a.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	_, err = b.Exec(ctx, "SELECT 1")
	return err
}

// Holding a connection in a loop, with the same pool asked inside.
func perItem(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	for _, id := range ids {
		conn, err := pool.Acquire(ctx)
		if err != nil {
			return err
		}
		_, err = pool.Exec(ctx, "DELETE FROM items WHERE id = $1", id) // want `^pool\.Exec takes a second connection from the pool while connection conn from pool\.Acquire \(pgxpool\.go:123\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; use conn instead, or release it first$`
		conn.Release()
		if err != nil {
			return err
		}
	}
	return nil
}

var global *pgxpool.Pool

// A package-level pool is one pool.
func viaGlobal(ctx context.Context) error {
	tx, err := global.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	rows, err := global.Query(ctx, "SELECT 1") // want `^global\.Query takes a second connection from the pool while transaction tx from global\.Begin \(pgxpool\.go:140\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; run it on tx, or end tx first$`
	if err != nil {
		return err
	}
	rows.Close()
	return tx.Commit(ctx)
}

// The clean twin of the common idiom: the rollback is deferred, the
// commit ends the transaction, and the pool is used after it.
func commitThenQuery(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "DELETE FROM sessions"); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	_, err = pool.Exec(ctx, "VACUUM sessions")
	return err
}

// With the rollback deferred, a query on the pool before the commit is
// still made while holding.
func queryThenCommit(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := pool.Exec(ctx, "SELECT 1"); err != nil { // want `^pool\.Exec takes a second connection from the pool while transaction tx from pool\.Begin \(pgxpool\.go:174\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; run it on tx, or end tx first$`
		return err
	}
	return tx.Commit(ctx)
}
