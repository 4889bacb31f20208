// Package crosspkg calls another package's functions that take a
// connection from a pool, known by their facts.
package crosspkg

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"nestedacquire/crosspkg/repo"
)

func handle(ctx context.Context, r *repo.Repo, id int64) error {
	conn, err := r.Pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if err := repo.Ping(ctx, r.Pool); err != nil { // want `^repo\.Ping takes a second connection from the pool while connection conn from r\.Pool\.Acquire \(crosspkg\.go:14\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; use conn instead, or release it first$`
		return err
	}
	return r.Touch(ctx, id) // want `^r\.Touch takes a second connection from the pool while connection conn from r\.Pool\.Acquire \(crosspkg\.go:14\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; use conn instead, or release it first$`
}

// The clean twin: another repository's pool.
func handleOther(ctx context.Context, r, audit *repo.Repo, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	return audit.Touch(ctx, 1)
}
