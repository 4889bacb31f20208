// Package scopeescape holds scopeescape cases against the real pgx v5 and
// the real runtime package: a connection or transaction handed to a
// WithConn / WithTx callback must not outlive the callback.
package scopeescape

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
)

type cache struct {
	pool *dbleakrt.Pool
	conn *pgxpool.Conn
}

// Keeping the callback's connection in a field outlives the callback.
func (c *cache) keep(ctx context.Context) error {
	return c.pool.WithConn(ctx, func(conn *pgxpool.Conn) error {
		c.conn = conn // want `^connection conn escapes the \(\*dbleakrt\.Pool\)\.WithConn callback: stored in field conn of c`
		return conn.Ping(ctx)
	})
}

// Using it inside the callback is the point of the helper.
func (c *cache) ping(ctx context.Context) error {
	return c.pool.WithConn(ctx, func(conn *pgxpool.Conn) error {
		return conn.Ping(ctx)
	})
}

// Returning the transaction through a variable of the caller's.
func leakTx(ctx context.Context, pool *dbleakrt.Pool) (pgx.Tx, error) {
	var out pgx.Tx
	err := pool.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		out = tx // want `^transaction tx escapes the \(\*dbleakrt\.Pool\)\.WithTx callback`
		return nil
	})
	return out, err
}

// A goroutine joined before the callback returns may use it.
func joined(ctx context.Context, pool *dbleakrt.Pool) error {
	return pool.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		done := make(chan error)
		go func() { _, err := tx.Exec(ctx, "SELECT 1"); done <- err }()
		return <-done
	})
}
