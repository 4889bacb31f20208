// Package local: a helper of the same package that acquires and returns
// a connection hands the obligation to its callers.
package local

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5/pgxpool"
)

var errBusy = errors.New("busy")

// conn acquires a connection for the caller.
func conn(ctx context.Context, pool *pgxpool.Pool) (*pgxpool.Conn, error) {
	c, err := pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// The caller forgets to release on the busy path.
func ping(ctx context.Context, pool *pgxpool.Pool, busy bool) error {
	c, err := conn(ctx, pool) // want `^connection c from conn is not released on the path that returns at local\.go:30; defer c\.Release\(\) after the error check$`
	if err != nil {
		return err
	}
	if busy {
		return errBusy
	}
	defer c.Release()
	return c.Ping(ctx)
}

// Released with defer. // ok
func pingReleased(ctx context.Context, pool *pgxpool.Pool, busy bool) error {
	c, err := conn(ctx, pool)
	if err != nil {
		return err
	}
	defer c.Release()
	if busy {
		return errBusy
	}
	return c.Ping(ctx)
}
