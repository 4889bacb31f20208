// Package handover: a transaction captured by a closure is handed over
// from the closure on; exits before it still leak.
package handover

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func BeginWithTimeout(ctx context.Context, pool *pgxpool.Pool) (pgx.Tx, func(), error) {
	tx, err := pool.BeginTx(ctx, pgx.TxOptions{}) // want `transaction tx from pool.BeginTx is not committed or rolled back on the path that returns at handover.go:18`
	if err != nil {
		return nil, nil, err
	}
	if _, err := tx.Exec(ctx, "SET statement_timeout = 5000"); err != nil {
		return nil, nil, err
	}
	rollback := func() { _ = tx.Rollback(ctx) }
	return tx, rollback, nil
}

// The clean twin: rolled back on the early exit.
func BeginWithTimeoutClean(ctx context.Context, pool *pgxpool.Pool) (pgx.Tx, func(), error) {
	tx, err := pool.BeginTx(ctx, pgx.TxOptions{}) // ok
	if err != nil {
		return nil, nil, err
	}
	if _, err := tx.Exec(ctx, "SET statement_timeout = 5000"); err != nil {
		_ = tx.Rollback(ctx)
		return nil, nil, err
	}
	rollback := func() { _ = tx.Rollback(ctx) }
	return tx, rollback, nil
}
