// Regression cases: each was an engine bug found while writing the tests
// of this check. The comment above each case says what the engine did
// before the fix ("Actual", "actual") and what it must do.
//
//
//
package bugs

import (
	"context"
	"database/sql"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Fixed bug 1: a resource assigned to the blank identifier is not "discarded".
//
// go/ssa emits `extract t0 #0` for `_, err := f()` even though nothing
// uses it, so hasUses (engine.go) sees a use and the finding is an
// ordinary Return leak, whose message invents a variable:
//
//	actual:   connection from pool.Acquire is not released on the path
//	          that returns at regress.go:31; defer conn.Release()
//	          after the error check
//	expected: the Discard message, as for the bare call `pool.Acquire(ctx)`
//
// Fix idea: in hasUses, count an Extract #0 only if it has referrers.
func healthCheck(ctx context.Context, pool *pgxpool.Pool) error {
	_, err := pool.Acquire(ctx) // want `^connection from pool\.Acquire is not released: the result is discarded \(on the path that returns at regress\.go:31\); assign it and defer conn\.Release\(\) after the error check$`
	return err
}

// Fixed bug 1 again, database/sql.
func pingPool(ctx context.Context, db *sql.DB) error {
	_, err := db.Conn(ctx) // want `^connection from db\.Conn is not closed: the result is discarded \(on the path that returns at regress\.go:37\); assign it and defer conn\.Close\(\) after the error check$`
	return err
}

// Fixed bug 2: a closure that acquires and stores the connection into a
// variable of the enclosing function (a retry helper's callback) is
// reported as leaking at the closure's return. The store is to a FreeVar,
// which isCell (alias.go) treats as a local cell of the closure, so the
// closure "returns holding" it. Ownership went to the enclosing function,
// which releases it: expected silent (or tracked in the enclosing
// function).
//
//	actual:   connection c from pool.Acquire is not released on the path
//	          that returns at regress.go:71; defer c.Release() after
//	          the error check (reported at the Acquire in the closure)
//	expected: no diagnostic
func retry(attempts int, f func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = f(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func touchWithRetry(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	var conn *pgxpool.Conn
	err := retry(3, func() error {
		c, err := pool.Acquire(ctx)
		if err != nil {
			return err
		}
		conn = c
		return nil
	})
	if err != nil {
		return err
	}
	defer conn.Release()
	_, err = conn.Exec(ctx, "UPDATE users SET seen_at = now() WHERE id = $1", id)
	return err
}

// Fixed bug 3: a loop body with two leaking ways to the next iteration (a
// continue, and the end of the body) gets one finding naming one of
// them. Both paths reach the loop's increment block in the same state,
// and the walk visits each (block, state) once (walk.go), so only the
// first path popped is ever seen reaching the acquisition again.
//
//	actual:   only "... when the loop continues at regress.go:103"
//	expected: that finding, and "... before the loop iterates again at
//	          regress.go:106" (Continue and Iterate are different
//	          kinds of exit, one finding each)
type User struct {
	ID       int64
	Disabled bool
}

func sendDigests(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	for _, u := range users {
		conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released when the loop continues at regress\.go:103; release it before the next iteration, or move the loop body into a function$` `^connection conn from pool\.Acquire is not released before the loop iterates again at regress\.go:106; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return err
		}
		if u.Disabled {
			continue
		}
		_, _ = conn.Exec(ctx, "INSERT INTO digests (user_id) VALUES ($1)", u.ID)
	}
	return nil
}
