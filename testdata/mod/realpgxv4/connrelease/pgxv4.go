// Package pgxv4 holds the connections of pgx v4: pgxpool's Conn
// (Release, or Hijack, which hands over a *pgx.Conn) and pgx.Conn.
package pgxv4

import (
	"context"

	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgxpool"
)

// The connection is not released when the ping fails.
func ping(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path that returns at pgxv4\.go:19; defer conn\.Release\(\) after the error check$`
	if err != nil {
		return err
	}
	if err := conn.Ping(ctx); err != nil {
		return err
	}
	conn.Release()
	return nil
}

// The clean twin.
func pingReleased(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	return conn.Ping(ctx)
}

// Hijack takes the connection out of the pool: the *pgx.Conn must be
// closed, and is not on the early return.
func hijack(ctx context.Context, pool *pgxpool.Pool) error {
	pc, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	conn := pc.Hijack() // want `^connection conn from pc\.Hijack is not closed on the path that returns at pgxv4\.go:44; defer conn\.Close\(ctx\) after the error check$`
	if err := conn.Ping(ctx); err != nil {
		return err
	}
	return conn.Close(ctx)
}

// pgx.Connect, closed by a defer: clean.
func direct(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	return conn.Ping(ctx)
}
