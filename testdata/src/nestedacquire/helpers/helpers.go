// Package helpers holds nested acquisitions through functions that take
// a connection from the pool they are passed, or from a field of their
// receiver.
package helpers

import (
	"context"

	"github.com/jackc/pgx/v5"
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
	if ok, err := exists(ctx, s.pool, id); err != nil || !ok { // want `^exists takes a second connection from the pool while transaction tx from s\.pool\.Begin \(helpers\.go:31\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; run it on tx, or end tx first$`
		return err
	}
	n, err := s.count(ctx) // want `^s\.count takes a second connection from the pool while transaction tx from s\.pool\.Begin \(helpers\.go:31\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; run it on tx, or end tx first$`
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

// begin returns a transaction it took from the receiver's pool.
func (s *Store) begin(ctx context.Context) (pgx.Tx, error) {
	return s.pool.Begin(ctx)
}

// The transaction of a helper is held from the helper's pool.
func (s *Store) viaHelper(ctx context.Context) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := s.pool.Exec(ctx, "SELECT 1"); err != nil { // want `^s\.pool\.Exec takes a second connection from the pool while transaction tx from s\.begin \(helpers\.go:81\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; run it on tx, or end tx first$`
		return err
	}
	return tx.Commit(ctx)
}

// The clean twin: the helper's transaction is used.
func (s *Store) viaHelperInTx(ctx context.Context) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT 1"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// beginOn begins a transaction on the connection it is given: it takes
// from no pool, so its transaction is held from no known pool.
func beginOn(ctx context.Context, conn *pgxpool.Conn) (pgx.Tx, error) {
	return conn.Begin(ctx)
}

// The clean twin: a transaction of a connection, not of the pool.
func (s *Store) onConn(ctx context.Context, conn *pgxpool.Conn) error {
	tx, err := beginOn(ctx, conn)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := s.pool.Exec(ctx, "SELECT 1"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
