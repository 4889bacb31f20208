package crosspkg

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// unitOfWork wraps a transaction; Commit and Rollback end it on every
// path, so it is a resource itself, reported by txend.
type unitOfWork struct {
	tx    pgx.Tx
	dirty bool
}

func begin(ctx context.Context, pool *pgxpool.Pool) (*unitOfWork, error) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return &unitOfWork{tx: tx}, nil
}

func (u *unitOfWork) Commit(ctx context.Context) error { return u.tx.Commit(ctx) }

func (u *unitOfWork) Rollback(ctx context.Context) error { return u.tx.Rollback(ctx) }

func (u *unitOfWork) Exec(ctx context.Context, sql string) error {
	u.dirty = true
	_, err := u.tx.Exec(ctx, sql)
	return err
}

func unitLeak(ctx context.Context, pool *pgxpool.Pool) error {
	u, err := begin(ctx, pool) // want `^unitOfWork u from begin is not released \(Commit or Rollback\) on the path that returns at unit\.go:41; defer u\.Commit\(\) after the error check$`
	if err != nil {
		return err
	}
	if err := u.Exec(ctx, "DELETE FROM sessions"); err != nil {
		return err
	}
	return u.Commit(ctx)
}

func unitEnded(ctx context.Context, pool *pgxpool.Pool) error {
	u, err := begin(ctx, pool)
	if err != nil {
		return err
	}
	defer u.Rollback(ctx)
	if err := u.Exec(ctx, "DELETE FROM sessions"); err != nil {
		return err
	}
	return u.Commit(ctx)
}
