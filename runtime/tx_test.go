package dbleakrt_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

func insert(ctx context.Context, table string, v int) func(pgx.Tx) error {
	return func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "INSERT INTO "+table+" (v) VALUES ($1)", v)
		return err
	}
}

func TestWithTxCommits(t *testing.T) {
	ctx := context.Background()
	p := testdb.Pool(t)
	table := testdb.Table(t, p, "v int")
	if err := p.WithTx(ctx, pgx.TxOptions{}, insert(ctx, table, 1)); err != nil {
		t.Fatal(err)
	}
	if n := count(t, p, table); n != 1 {
		t.Fatalf("rows after commit = %d, want 1", n)
	}
	requireNoneHeld(t, p)
}

func TestWithTxRollsBackOnError(t *testing.T) {
	ctx := context.Background()
	p := testdb.Pool(t)
	table := testdb.Table(t, p, "v int")
	errFn := errors.New("fn failed")
	err := p.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		if err := insert(ctx, table, 1)(tx); err != nil {
			return err
		}
		return errFn
	})
	if err != errFn {
		t.Fatalf("WithTx error = %v, want fn's error unchanged", err)
	}
	if n := count(t, p, table); n != 0 {
		t.Fatalf("rows after rollback = %d, want 0", n)
	}
	requireNoneHeld(t, p)
}

func TestWithTxRollsBackOnPanic(t *testing.T) {
	ctx := context.Background()
	p := testdb.Pool(t)
	table := testdb.Table(t, p, "v int")
	func() {
		defer func() {
			if r := recover(); r != "boom" {
				t.Fatalf("recovered %v, want the panic to go on with value boom", r)
			}
		}()
		_ = p.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
			if err := insert(ctx, table, 1)(tx); err != nil {
				return err
			}
			panic("boom")
		})
		t.Fatal("WithTx returned instead of panicking")
	}()
	if n := count(t, p, table); n != 0 {
		t.Fatalf("rows after panic = %d, want 0", n)
	}
	requireNoneHeld(t, p)
}

// TestWithTxJoinsRollbackError kills the transaction's backend from another
// connection, so that the rollback really fails, and checks that fn's error
// is still the one reported, joined with the rollback's.
func TestWithTxJoinsRollbackError(t *testing.T) {
	ctx := context.Background()
	p := testdb.Pool(t)
	errFn := errors.New("fn failed")
	err := p.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		var pid uint32
		if err := tx.QueryRow(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
			return err
		}
		var ok bool
		err := p.Pgx().QueryRow(ctx, "SELECT pg_terminate_backend($1)", pid).Scan(&ok)
		if err != nil || !ok {
			t.Fatalf("pg_terminate_backend(%d) = %v, %v", pid, ok, err)
		}
		return errFn
	})
	if !errors.Is(err, errFn) {
		t.Fatalf("WithTx error %v does not wrap fn's error", err)
	}
	if !strings.Contains(err.Error(), "rollback failed") {
		t.Fatalf("WithTx error %q does not carry the rollback's error", err)
	}
	requireNoneHeld(t, p)
}

// TestWithTxReturnsCommitError makes the commit itself fail, with a deferred
// unique constraint, and checks that the error is returned.
func TestWithTxReturnsCommitError(t *testing.T) {
	ctx := context.Background()
	p := testdb.Pool(t)
	table := testdb.Table(t, p, "v int UNIQUE DEFERRABLE INITIALLY DEFERRED")
	err := p.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		if err := insert(ctx, table, 1)(tx); err != nil {
			return err
		}
		return insert(ctx, table, 1)(tx)
	})
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "23505" {
		t.Fatalf("WithTx error = %v, want the commit's unique violation", err)
	}
	if n := count(t, p, table); n != 0 {
		t.Fatalf("rows after failed commit = %d, want 0", n)
	}
	requireNoneHeld(t, p)
}

func TestWithConnReleasesOnPanic(t *testing.T) {
	ctx := context.Background()
	p := testdb.Pool(t)
	func() {
		defer func() {
			if r := recover(); r != "boom" {
				t.Fatalf("recovered %v, want boom", r)
			}
		}()
		_ = p.WithConn(ctx, func(c *pgxpool.Conn) error {
			if _, err := c.Exec(ctx, "SELECT 1"); err != nil {
				return err
			}
			panic("boom")
		})
	}()
	requireNoneHeld(t, p)
	errFn := errors.New("fn failed")
	if err := p.WithConn(ctx, func(*pgxpool.Conn) error { return errFn }); err != errFn {
		t.Fatalf("WithConn error = %v, want fn's", err)
	}
	requireNoneHeld(t, p)
}

// TestSavepointIsolatesFailures inserts ten items in one transaction, each
// in its own savepoint; two violate a constraint, and the other eight must
// be committed.
func TestSavepointIsolatesFailures(t *testing.T) {
	ctx := context.Background()
	p := testdb.Pool(t)
	table := testdb.Table(t, p, "v int CHECK (v % 5 <> 3)")
	var failed []int
	err := p.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		for v := range 10 {
			if err := dbleakrt.Savepoint(ctx, tx, insert(ctx, table, v)); err != nil {
				var pgErr *pgconn.PgError
				if !errors.As(err, &pgErr) || pgErr.Code != "23514" {
					return err
				}
				failed = append(failed, v)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(failed) != 2 || failed[0] != 3 || failed[1] != 8 {
		t.Fatalf("failed items = %v, want [3 8]", failed)
	}
	if n := count(t, p, table); n != 8 {
		t.Fatalf("rows committed = %d, want 8", n)
	}
	requireNoneHeld(t, p)
}
