// Package debug passes scoped helpers callbacks that the analysis cannot
// see into: silent by default (scopeescape/escapeclean has their twins),
// each is named with -scopeescape.debug.
package debug

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
)

var last *pgxpool.Conn

// A callback passed in: what it does with the connection is the
// caller's.
func withConn(ctx context.Context, p *dbleakrt.Pool, fn func(*pgxpool.Conn) error) error {
	return p.WithConn(ctx, fn) // want `^debug: the callback of \(\*dbleakrt\.Pool\)\.WithConn is not checked: it is not a function literal, function or method value of this package$`
}

type repo struct {
	save func(pgx.Tx) error
}

// A callback held in a field.
func (r *repo) beginFunc(ctx context.Context, p *pgxpool.Pool) error {
	return pgx.BeginFunc(ctx, p, r.save) // want `^debug: the callback of pgx\.BeginFunc is not checked`
}

// A function literal is checked: its escape is reported, with or
// without -scopeescape.debug.
func literal(ctx context.Context, p *dbleakrt.Pool) error {
	return p.WithConn(ctx, func(c *pgxpool.Conn) error {
		last = c // want `^connection c escapes the \(\*dbleakrt\.Pool\)\.WithConn callback: assigned to global last;`
		return nil
	})
}
