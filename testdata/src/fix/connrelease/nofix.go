package connrelease

import (
	"context"
	"net/url"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The leaks below get no fix.

// Close takes a context, and the call that opened the connection has
// no context variable to pass.
func noContextVar(dsn *url.URL, dryRun bool) error {
	conn, err := pgx.Connect(context.Background(), dsn.String()) // want `connection conn from pgx\.Connect is not closed on the path that returns`
	if err != nil {
		return err
	}
	if dryRun {
		return nil
	}
	return conn.Close(context.Background())
}

// Hijacked on one path: the caller owns the *pgx.Conn, and the pooled
// connection is gone from the pool. A deferred Release is harmless
// here, but hijacking is not a mechanical case.
func detach(ctx context.Context, pool *pgxpool.Pool, keep bool) (*pgx.Conn, error) {
	conn, err := pool.Acquire(ctx) // want `connection conn from pool\.Acquire is not released on the path that returns`
	if err != nil {
		return nil, err
	}
	if keep {
		return conn.Hijack(), nil
	}
	return nil, nil
}

// Handed to a goroutine that releases it, on one path only.
func background(ctx context.Context, pool *pgxpool.Pool, async bool) error {
	conn, err := pool.Acquire(ctx) // want `connection conn from pool\.Acquire is not released on the path that returns`
	if err != nil {
		return err
	}
	if async {
		go func() {
			defer conn.Release()
			_, _ = conn.Exec(ctx, "VACUUM")
		}()
		return nil
	}
	return nil
}
