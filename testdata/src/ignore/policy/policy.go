// Package policy holds poolpolicy findings silenced by
// //dbleaklint:ignore: poolpolicy honors the directive like the leak
// checks, and the ignore analyzer counts its findings when it judges
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

// A directive where poolpolicy finds nothing silences nothing.
func (c *cache) ping(ctx context.Context) error {
	return c.pool.WithConn(ctx, func(conn *pgxpool.Conn) error {
		/* want `^unused dbleaklint:ignore: no finding here to silence$` */ //dbleaklint:ignore not an escape
		return conn.Ping(ctx)
	})
}
