// Package ignore holds //dbleaklint:ignore directives on leaks of the
// real pgx v5: a directive must give a reason and silence something.
package ignore

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// A directive with a reason silences the leak on its line.
func export(ctx context.Context, pool *pgxpool.Pool) (*pgxpool.Conn, error) {
	conn, err := pool.Acquire(ctx) //dbleaklint:ignore the exporter releases it in Close
	if err != nil {
		return nil, err
	}
	if conn.Conn().IsClosed() {
		return nil, nil
	}
	return conn, nil
}

// A directive without a reason is reported (and still silences).
func noReason(ctx context.Context, pool *pgxpool.Pool) error {
	/* want `^dbleaklint:ignore needs a reason` */ //dbleaklint:ignore
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	if conn.Conn().IsClosed() {
		return nil
	}
	conn.Release()
	return nil
}

// A directive over code that does not leak silences nothing.
func unused(ctx context.Context, pool *pgxpool.Pool) error {
	/* want `^unused dbleaklint:ignore: no finding here to silence$` */ //dbleaklint:ignore released below
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	return conn.Ping(ctx)
}
