// Package nestedacquire holds, for -nestedacquire.debug, a call on a
// pool that may be the held connection's, or not: the default mode is
// silent, the debug mode says why.
package nestedacquire

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func twoParams(ctx context.Context, a, b *pgxpool.Pool) error {
	conn, err := a.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	_, err = b.Exec(ctx, "SELECT 1") // want `^debug: b\.Exec may take a second connection from the pool of connection conn from a\.Acquire \(debug\.go:13\): not reported, the two pools cannot be shown to be the same$`
	return err
}

// The same pool is reported in debug mode too.
func samePool(ctx context.Context, a *pgxpool.Pool) error {
	conn, err := a.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	_, err = a.Exec(ctx, "SELECT 1") // want `^a\.Exec takes a second connection from the pool while connection conn from a\.Acquire \(debug\.go:24\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; use conn instead, or release it first$`
	return err
}
