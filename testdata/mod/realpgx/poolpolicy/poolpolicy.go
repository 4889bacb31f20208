// Package poolpolicy holds poolpolicy cases against the real pgx v5:
// with -poolpolicy.enforce (internal/realpgx sets it), each raw
// acquisition from a *pgxpool.Pool is reported, and the methods that
// cannot leave a connection checked out are not.
package poolpolicy

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func count(ctx context.Context, pool *pgxpool.Pool) (n int, err error) {
	err = pool.QueryRow(ctx, "SELECT count(*) FROM t").Scan(&n) // want `^raw \(\*pgxpool\.Pool\)\.QueryRow outside the allowed packages; use \(\*dbleakrt\.Pool\)\.WithConn and query on its connection, so the connection is always released$`
	return n, err
}

func listen(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx) // want `^raw \(\*pgxpool\.Pool\)\.Acquire outside the allowed packages; use \(\*dbleakrt\.Pool\)\.WithConn so the connection is always released$`
	if err != nil {
		return err
	}
	defer conn.Release()
	_, err = conn.Exec(ctx, "LISTEN jobs")
	return err
}

// Exec and AcquireFunc end their acquisition themselves.
func scoped(ctx context.Context, pool *pgxpool.Pool) error {
	if _, err := pool.Exec(ctx, "SELECT 1"); err != nil {
		return err
	}
	return pool.AcquireFunc(ctx, func(conn *pgxpool.Conn) error {
		return conn.Ping(ctx)
	})
}
