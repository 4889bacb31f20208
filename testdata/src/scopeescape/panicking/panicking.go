// Package panicking has two callbacks whose connection escapes: the
// escape analysis is made to panic on the second (passes/internal/escape's
// panic_test.go), and must still report the first.
package panicking

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
)

var last *pgxpool.Conn

func good(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		last = c // want `^connection c escapes the \(\*dbleakrt\.Pool\)\.WithConn callback: assigned to global last;`
		return nil
	})
}

func bad(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		last = c // want `^connection c escapes the \(\*dbleakrt\.Pool\)\.WithConn callback: assigned to global last;`
		return nil
	})
}
