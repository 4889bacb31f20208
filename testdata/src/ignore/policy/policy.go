// Package policy holds scopeescape and poolpolicy findings silenced by
// //dbleaklint:ignore: both checks honor the directive like the leak
// checks, and the ignore analyzer counts their findings when it judges
// whether a directive silences something.
package policy

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
)

type cache struct {
	pool *dbleakrt.Pool
	conn *pgxpool.Conn
}

// The twin: the connection escapes the callback.
func (c *cache) keep(ctx context.Context) error {
	return c.pool.WithConn(ctx, func(conn *pgxpool.Conn) error {
		c.conn = conn // want `^connection conn escapes the \(\*dbleakrt\.Pool\)\.WithConn callback: stored in field conn of c`
		return nil
	})
}

// Silenced at the escape, with a reason: nothing is reported, and the
// directive is used.
func (c *cache) keepSilenced(ctx context.Context) error {
	return c.pool.WithConn(ctx, func(conn *pgxpool.Conn) error {
		c.conn = conn //dbleaklint:ignore cleared by the caller before WithConn returns
		return nil
	})
}

// A directive where scopeescape finds nothing silences nothing.
func (c *cache) ping(ctx context.Context) error {
	return c.pool.WithConn(ctx, func(conn *pgxpool.Conn) error {
		/* want `^unused dbleaklint:ignore: no finding here to silence$` */ //dbleaklint:ignore not an escape
		return conn.Ping(ctx)
	})
}

// Without -poolpolicy.enforce, a raw acquisition is no finding: the
// connection is released, and the directive silences nothing (with it,
// ignore/rawpolicy's directives are used).
func raw(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx) /* want `^unused dbleaklint:ignore: no finding here to silence$` */ //dbleaklint:ignore this package manages connections by hand
	if err != nil {
		return err
	}
	defer conn.Release()
	return conn.Ping(ctx)
}
