package pgxpool

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Tests hold several connections of a pool on purpose: not reported.
func holdTwo(t *testing.T, pool *pgxpool.Pool) {
	ctx := context.Background()
	c1, err := pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c1.Release()
	c2, err := pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c2.Release()
}
