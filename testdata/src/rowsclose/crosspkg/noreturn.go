package crosspkg

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"noreturn/fatal"
)

// fatal.Fatal never returns (a no-return fact from its package): the
// return after it, which the compiler requires, is never reached.
func kindOrFail(t testing.TB, ctx context.Context, pool *pgxpool.Pool, k int) int {
	rows, err := pool.Query(ctx, "SELECT 1")
	if err != nil {
		fatal.Fatal(t, err)
		return 0
	}
	if k == 0 {
		rows.Close()
		return 0
	}
	fatal.Fatal(t, errors.New("bad kind"))
	return 0
}

// The same through a helper that ends in a call to another one.
func kindOrUnreachable(t testing.TB, ctx context.Context, pool *pgxpool.Pool, k int) int {
	rows, err := pool.Query(ctx, "SELECT 1")
	if err != nil {
		return 0
	}
	if k == 0 {
		rows.Close()
		return 0
	}
	fatal.Unreachable(t, "kind")
	return 0
}

// fatal.Log returns: the rows leak.
func kindOrLog(t testing.TB, ctx context.Context, pool *pgxpool.Pool, k int) int {
	rows, err := pool.Query(ctx, "SELECT 1") // want `^rows from pool\.Query is not closed on the path that returns at noreturn\.go:54; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return 0
	}
	if k == 0 {
		rows.Close()
		return 0
	}
	fatal.Log(t, errors.New("bad kind"))
	return 0
}
