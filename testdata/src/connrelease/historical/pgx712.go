// Package historical holds leaks fixed in public repositories, in the
// shape they had before the fix.
package historical

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Tx pairs a transaction with the pooled connection it runs on.
type Tx struct {
	t pgx.Tx
	c *pgxpool.Conn
}

// beginTx is pgxpool's BeginTx before jackc/pgx#712: when BeginTx
// fails, the acquired connection is never released.
func beginTx(ctx context.Context, p *pgxpool.Pool, opts pgx.TxOptions) (*Tx, error) {
	c, err := p.Acquire(ctx) // want `^connection c from p\.Acquire is not released on the path that returns at pgx712\.go:27; defer c\.Release\(\) after the error check$`
	if err != nil {
		return nil, err
	}
	t, err := c.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &Tx{t: t, c: c}, nil
}

// beginTxFixed is the same function after the fix. // ok
func beginTxFixed(ctx context.Context, p *pgxpool.Pool, opts pgx.TxOptions) (*Tx, error) {
	c, err := p.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	t, err := c.BeginTx(ctx, opts)
	if err != nil {
		c.Release()
		return nil, err
	}
	return &Tx{t: t, c: c}, nil
}
