package dbleakrt

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// RollbackTimeout bounds each rollback made by [Pool.WithTx] and
// [Savepoint]. Rollbacks run with a context detached from the caller's
// cancellation, so that a cancelled request still rolls back and returns a
// clean connection to the pool.
const RollbackTimeout = 10 * time.Second

// WithConn acquires a connection, calls fn with it and releases it when fn
// returns, returns an error or panics; a panic continues after the release.
// It returns the acquisition's error, an *ExhaustedError when the pool stayed
// full until ctx ended, or fn's. fn must not release or hijack
// the connection, nor use it after returning.
func (p *Pool) WithConn(ctx context.Context, fn func(*pgxpool.Conn) error) error {
	c, err := p.pool.Acquire(ctx)
	if err != nil {
		return p.explain(err)
	}
	defer c.Release()
	return fn(c)
}

// WithTx begins a transaction with opts on a connection of the pool and
// calls fn with it. When fn returns nil the transaction is committed and the
// commit's error, if any, is returned. When fn returns an error the
// transaction is rolled back and fn's error is returned, joined (see
// [errors.Join]) with the rollback's error if the rollback failed. When fn
// panics the transaction is rolled back and the panic continues. In every
// case the connection goes back to the pool.
//
// fn must not commit or roll back the transaction itself; it may use
// [Savepoint] for nested work.
func (p *Pool) WithTx(ctx context.Context, opts pgx.TxOptions, fn func(pgx.Tx) error) error {
	tx, err := p.pool.BeginTx(ctx, opts)
	if err != nil {
		return p.explain(err)
	}
	return runTx(ctx, tx, fn)
}

// Savepoint runs fn in a savepoint of tx (a pseudo nested transaction, see
// [pgx.Tx.Begin]) so that a failure of fn is undone without aborting tx:
// when fn returns an error or panics, the savepoint is rolled back and tx
// stays usable; when fn returns nil, the savepoint is released. Errors are
// combined as in [Pool.WithTx].
//
// A typical use isolates each item of a batch:
//
//	for _, item := range items {
//		if err := dbleakrt.Savepoint(ctx, tx, insert(item)); err != nil {
//			failed = append(failed, item) // tx goes on with the next item
//		}
//	}
func Savepoint(ctx context.Context, tx pgx.Tx, fn func(pgx.Tx) error) error {
	sp, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	return runTx(ctx, sp, fn)
}

// runTx calls fn and then commits tx, or rolls it back when fn fails.
func runTx(ctx context.Context, tx pgx.Tx, fn func(pgx.Tx) error) error {
	returned := false
	defer func() {
		if !returned {
			// fn panicked or called runtime.Goexit, which goes on after
			// this deferred call. There is no error to join the rollback's
			// to; the connection is released either way.
			_ = rollback(ctx, tx)
		}
	}()
	err := fn(tx)
	returned = true
	if err != nil {
		if rbErr := rollback(ctx, tx); rbErr != nil {
			return errors.Join(err, rbErr)
		}
		return err
	}
	return tx.Commit(ctx)
}

// rollback rolls tx back with a context that outlives ctx's cancellation.
// It treats a transaction that is already closed as rolled back.
func rollback(ctx context.Context, tx pgx.Tx) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), RollbackTimeout)
	defer cancel()
	err := tx.Rollback(ctx)
	if err == nil || errors.Is(err, pgx.ErrTxClosed) {
		return nil
	}
	return fmt.Errorf("dbleakrt: rollback failed: %w", err)
}
