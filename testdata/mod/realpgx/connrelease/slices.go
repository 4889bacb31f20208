package connrelease

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Connections collected in a slice to warm the pool: the error return of
// a later iteration leaves the earlier ones acquired, since the loop that
// releases them is not reached on that path.
func warm(ctx context.Context, pool *pgxpool.Pool, n int) error {
	conns := make([]*pgxpool.Conn, 0, n)
	for i := 0; i < n; i++ {
		c, err := pool.Acquire(ctx) // want `^connection c from pool\.Acquire is not released on the path that returns at slices\.go:17; it is held in a local slice or map there: release its elements on that path, or in a deferred loop over them$`
		if err != nil {
			return err
		}
		conns = append(conns, c)
	}
	for _, c := range conns {
		c.Release()
	}
	return nil
}

// Clean twin: a deferred loop releases the slice's connections at every
// exit.
func warmClean(ctx context.Context, pool *pgxpool.Pool, n int) error {
	var conns []*pgxpool.Conn
	defer func() {
		for _, c := range conns {
			c.Release()
		}
	}()
	for i := 0; i < n; i++ {
		c, err := pool.Acquire(ctx)
		if err != nil {
			return err
		}
		conns = append(conns, c)
	}
	return nil
}
