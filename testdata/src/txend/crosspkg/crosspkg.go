// Package crosspkg calls ownership/helpers with transactions.
package crosspkg

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"ownership/helpers"
)

// helpers.Insert borrows the transaction: the error path leaks it.
func insertLeak(ctx context.Context, pool *pgxpool.Pool, u helpers.User) error {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at crosspkg\.go:19; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if err := helpers.Insert(ctx, tx, u); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// helpers.Finish commits or rolls back on every path.
func insertFinished(ctx context.Context, pool *pgxpool.Pool, u helpers.User) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	err = helpers.Insert(ctx, tx, u)
	return helpers.Finish(ctx, tx, err)
}

// Snapshot is no wrapper (its Close does not always end the
// transaction): NewSnapshot's callers are not held to anything.
func snapshot(ctx context.Context, pool *pgxpool.Pool) error {
	s, err := helpers.NewSnapshot(ctx, pool)
	if err != nil {
		return err
	}
	s.Close(ctx, false)
	return nil
}
