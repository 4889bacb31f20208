// Package rowscan: a row from QueryRow gets no fix, since what to scan
// is not mechanical.
package rowscan

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func total(ctx context.Context, pool *pgxpool.Pool, cache map[int64]int64, id int64) (int64, error) {
	row := pool.QueryRow(ctx, "SELECT total FROM orders WHERE id = $1", id) // want `row from pool\.QueryRow is not scanned on the path that returns`
	if t, ok := cache[id]; ok {
		return t, nil
	}
	var t int64
	return t, row.Scan(&t)
}
