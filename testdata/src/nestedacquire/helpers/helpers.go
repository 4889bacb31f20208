// Package helpers holds nested acquisitions through functions that take
// a connection from the pool they are passed, or from a field of their
// receiver.
package helpers

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct{ pool *pgxpool.Pool }

// count takes a connection from the receiver's pool.
func (s *Store) count(ctx context.Context) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}

// exists takes a connection from the pool it is passed.
func exists(ctx context.Context, pool *pgxpool.Pool, id int64) (bool, error) {
	var ok bool
	err := pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM users WHERE id = $1)", id).Scan(&ok)
	return ok, err
}

// Both helpers are called while a transaction of the same pool is open.
func (s *Store) promote(ctx context.Context, id int64) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if ok, err := exists(ctx, s.pool, id); err != nil || !ok { // want `^exists takes a second connection from the pool while transaction tx from s\.pool\.Begin \(helpers\.go:30\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; run it on tx, or end tx first$`
		return err
	}
	n, err := s.count(ctx) // want `^s\.count takes a second connection from the pool while transaction tx from s\.pool\.Begin \(helpers\.go:30\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; run it on tx, or end tx first$`
	if err != nil || n == 0 {
		return err
	}
	return tx.Commit(ctx)
}

// The clean twin: the helpers are called once the transaction is over.
func (s *Store) promoteAfter(ctx context.Context, id int64) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE users SET admin = true WHERE id = $1", id); err != nil {
		tx.Rollback(ctx)
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	_, err = s.count(ctx)
	return err
}

// Another store's pool is another field of another value: silent.
func (s *Store) withOther(ctx context.Context, other *Store) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	_, err = other.count(ctx)
	return err
}
