// Package savepointdeferredparent holds the corpus's false alarm on a pgx
// savepoint (tx.Begin on a pgx.Tx) that is never released: a savepoint
// holds nothing of its own, its parent's deferred Rollback (a no-op after
// Commit) or Commit ends it with the parent, on every path.
//
// Found in github.com/influxdata/telegraf@v1.37.2
// plugins/outputs/postgresql/postgresql.go:269.
//
// A savepoint ends with its parent, so it is reported only where its
// parent is borrowed and the function returns with the savepoint open
// (txend/pgx/leaks.go's addLineItems); where the parent is this
// function's own and leaks, the parent's finding says it.
package savepointdeferredparent

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Clean: telegraf's writeSequential. Each batch in its own savepoint,
// rolled back alone on a permanent error, never released otherwise.
func writeSequential(ctx context.Context, pool *pgxpool.Pool, batches [][]string) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx) //nolint:errcheck // a no-op after Commit

	for _, batch := range batches {
		sp, err := tx.Begin(ctx)
		if err != nil {
			return err
		}
		if err := write(ctx, sp, batch); err != nil {
			if isTemporary(err) {
				return err
			}
			if err := sp.Rollback(ctx); err != nil {
				return err
			}
		}
	}
	return tx.Commit(ctx)
}

// Leaking twin: the parent has no deferred Rollback, so the error return
// inside the loop leaves the parent, and its savepoint, open.
func writeSequentialLeak(ctx context.Context, pool *pgxpool.Pool, batches [][]string) error {
	tx, err := pool.Begin(ctx) // want `transaction tx from pool.Begin is not committed or rolled back`
	if err != nil {
		return err
	}
	for _, batch := range batches {
		sp, err := tx.Begin(ctx)
		if err != nil {
			return err
		}
		if err := write(ctx, sp, batch); err != nil {
			return err
		}
	}
	return tx.Commit(ctx)
}

func write(ctx context.Context, tx pgx.Tx, batch []string) error {
	for _, q := range batch {
		if _, err := tx.Exec(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

func isTemporary(err error) bool { return err != nil && err.Error() == "temporary" }
