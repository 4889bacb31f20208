// Package nested holds nestedacquire findings silenced by
// //dbleaklint:ignore: the check honors the directive, and the ignore
// analyzer counts its findings when it judges whether a directive
// silences something.
package nested

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// The twin: reported.
func twice(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	_, err = pool.Exec(ctx, "SELECT 1") // want `^pool\.Exec takes a second connection from the pool while connection conn from pool\.Acquire`
	return err
}

// Silenced at the inner call, with a reason: nothing is reported, and
// the directive is used.
func twiceSilenced(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	_, err = pool.Exec(ctx, "SELECT 1") //dbleaklint:ignore the pool is sized for two connections a request
	return err
}
