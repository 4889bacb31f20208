// Package txend holds the cases of txend's strict mode: callees the
// analysis cannot see into (function values, interface methods,
// functions of other packages) are assumed to borrow the transaction.
package txend

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Repo is implemented elsewhere: its methods cannot be seen into.
type Repo interface {
	SaveOrder(ctx context.Context, tx pgx.Tx, id int64) error
}

// A scoped helper whose error branch forgets the rollback: the callback
// borrows the transaction, so the error return leaks it.
func withTx(ctx context.Context, pool *pgxpool.Pool, fn func(pgx.Tx) error) error {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at txend\.go:26; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// The same helper done right. // ok
func withTxDeferred(ctx context.Context, pool *pgxpool.Pool, fn func(pgx.Tx) error) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// An interface method borrows the transaction: the error return leaks.
func placeOrder(ctx context.Context, pool *pgxpool.Pool, repo Repo, id int64) error {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at txend\.go:51; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit \(assuming an interface method borrows it\)$`
	if err != nil {
		return err
	}
	if err := repo.SaveOrder(ctx, tx, id); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Rolled back on the error branch. // ok
func placeOrderRollback(ctx context.Context, pool *pgxpool.Pool, repo Repo, id int64) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	if err := repo.SaveOrder(ctx, tx, id); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// A leak before the unknown call is reported in the default mode too;
// the strict mode adds nothing for it.
func earlyLeak(ctx context.Context, pool *pgxpool.Pool, repo Repo, id int64) error {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at txend\.go:77 \(and 1 other exit\); defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit \(assuming an interface method borrows it\)$`
	if err != nil {
		return err
	}
	if id <= 0 {
		return nil
	}
	if err := repo.SaveOrder(ctx, tx, id); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// A savepoint left open under a transaction whose Rollback is
// deferred: it ends with its parent, so only strict mode reports it,
// as hygiene.
func savepointUnderDeferredRollback(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	sp, err := tx.Begin(ctx) // want `^transaction sp from tx\.Begin is not committed or rolled back on the path that returns at txend\.go:99 \(and 1 other exit\); defer sp\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if _, err := sp.Exec(ctx, "UPDATE accounts SET frozen = true"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
