// Package rawpolicy holds poolpolicy findings, with -poolpolicy.enforce,
// silenced by //dbleaklint:ignore.
package rawpolicy

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// The twin: the raw acquisition is reported.
func count(ctx context.Context, pool *pgxpool.Pool) (n int, err error) {
	err = pool.QueryRow(ctx, "SELECT count(*) FROM t").Scan(&n) // want `^raw \(\*pgxpool\.Pool\)\.QueryRow outside the allowed packages`
	return n, err
}

// Silenced on the line, with a reason.
func countSilenced(ctx context.Context, pool *pgxpool.Pool) (n int, err error) {
	err = pool.QueryRow(ctx, "SELECT count(*) FROM t").Scan(&n) //dbleaklint:ignore the migration tool runs before the pool helpers exist
	return n, err
}

// Silenced from the doc comment, closures included.
//
//dbleaklint:ignore this package manages connections by hand
func listen(ctx context.Context, pool *pgxpool.Pool) error {
	acquire := func() (*pgxpool.Conn, error) { return pool.Acquire(ctx) }
	conn, err := acquire()
	if err != nil {
		return err
	}
	defer conn.Release()
	_, err = conn.Exec(ctx, "LISTEN jobs")
	return err
}
