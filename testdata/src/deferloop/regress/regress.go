// Regression cases: each was an engine bug found while writing the tests
// of this check. The comment above each case says what the engine did
// before the fix ("Actual", "actual") and what it must do.
//
//
//
package bugs

import (
	"context"
	"maps"
	"slices"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Fixed bug 1 (missed): a release deferred inside a range-over-func loop (Go
// 1.23). go/ssa compiles the loop body to a synthetic yield function
// and attaches its defers to the enclosing function, so the Defer
// instruction sits in a block of the yield function that is in no
// cycle, and inCycle (loops.go) says no. Each iteration still holds one
// more transaction until the function returns.
//
//	actual:   no diagnostic
//	expected: the diagnostic below, as for the same loop over a slice
func shipOrders(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	for id := range slices.Values(ids) {
		tx, err := pool.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx) // ok: nothing is held when the next iteration starts
		if _, err := tx.Exec(ctx, "UPDATE orders SET shipped = true WHERE id = $1", id); err != nil {
			return err
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Fixed bug 1 again, with maps.Keys and a connection.
func touchUsers(ctx context.Context, pool *pgxpool.Pool, seen map[int64]bool) error {
	for id := range maps.Keys(seen) {
		conn, err := pool.Acquire(ctx)
		if err != nil {
			return err
		}
		defer conn.Release() // want `^conn\.Release is deferred inside a loop: each iteration holds its connection from pool\.Acquire until the function returns; release it at the end of the iteration, or move the loop body into a function$`
		if _, err := conn.Exec(ctx, "UPDATE users SET seen_at = now() WHERE id = $1", id); err != nil {
			return err
		}
	}
	return nil
}

// The leaking twin of shipOrders: a range-over-func body that commits
// only some of its transactions.
func shipSomeOrders(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	for id := range slices.Values(ids) {
		tx, err := pool.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx) // want `^tx\.Rollback is deferred inside a loop: each iteration holds its transaction from pool\.Begin until the function returns; release it at the end of the iteration, or move the loop body into a function$`
		if id%2 == 0 {
			if err := tx.Commit(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}
