// Regression cases: each was an engine bug found while writing the tests
// of this check. The comment above each case says what the engine did
// before the fix ("Actual", "actual") and what it must do.
//
//
//
package bugs

import (
	"context"
	"log"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Order struct {
	ID      int64
	Cents   int64
	Invalid bool
	Dup     bool
}

func debit(ctx context.Context, tx pgx.Tx, account, cents int64) error {
	_, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", cents, account)
	return err
}

// Fixed bug 1: `_, err := pool.Begin(ctx)` is not a discard (see
// connrelease/regress.go.txt, Fixed bug 1: go/ssa's unused extract #0).
//
//	actual:   transaction from pool.Begin is not committed or rolled back
//	          on the path that returns at regress.go:39;
//	          defer tx.Rollback(ctx) after the error check; ...
//	expected: the Discard message
func beginOnly(ctx context.Context, pool *pgxpool.Pool) error {
	_, err := pool.Begin(ctx) // want `^transaction from pool\.Begin is not committed or rolled back: the result is discarded \(on the path that returns at regress\.go:39\); assign it and defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	return err
}

// Fixed bug 2: a loop body with several leaking ways to the next iteration is
// reported with one of them only. The continue statements and the end
// of the body all jump to the loop's increment block in state "held";
// the walk visits each (block, state) once, so only the first path
// popped reaches the acquisition again and becomes the witness.
//
// 2a, a continue and the end of the body:
//
//	actual:   only "... when the loop continues at regress.go:59"
//	expected: also "... before the loop iterates again at regress.go:64"
func importOrders(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	for _, o := range orders {
		tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back when the loop continues at regress\.go:59; release it before the next iteration, or move the loop body into a function$` `^transaction tx from pool\.Begin is not committed or rolled back before the loop iterates again at regress\.go:64; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return err
		}
		if o.Invalid {
			continue
		}
		if _, err := tx.Exec(ctx, "INSERT INTO orders (id, cents) VALUES ($1, $2)", o.ID, o.Cents); err != nil {
			log.Printf("order %d: %v", o.ID, err)
		}
	}
	return nil
}

// 2b, two leaking continue statements: the first one is not named and
// not counted.
//
//	actual:   "... when the loop continues at regress.go:85; ..."
//	expected: "... when the loop continues at regress.go:81 (and 1 other exit); ..."
func importDeduped(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	for _, o := range orders {
		tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back when the loop continues at regress\.go:81 \(and 1 other exit\); release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return err
		}
		if o.Invalid {
			log.Printf("order %d: invalid", o.ID)
			continue
		}
		if o.Dup {
			log.Printf("order %d: duplicate", o.ID)
			continue
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Fixed bug 3: a variable captured by a deferred rollback closure and then
// overwritten by a second Begin. The store puts the walk back in state
// "held" (walk.go, store: "the deferred closure will release the new
// value, not ours"), and since aliasing is flow-insensitive the later
// tx.Commit on the NEW transaction counts as ending the old one. The
// first transaction is lost at the overwrite (the deferred closure rolls
// back the second one only), on every path.
//
//	actual:   "... on the path that returns at regress.go:122 (and 1 other exit); defer tx.Rollback(ctx) ..."
//	          for the first Begin (the error returns after the second
//	          Begin; the path through `return tx.Commit(ctx)` is missed),
//	          and, for the second Begin, "... on the path that returns at
//	          regress.go:125; ..." although the deferred closure,
//	          registered before it, rolls it back (Fixed bug 5)
//	expected: "... before the variable holding it is overwritten at
//	          regress.go:120; ..." for the first Begin, nothing for the
//	          second
func refundWithRetry(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back before the variable holding it is overwritten at regress\.go:120; release it before the variable is assigned again$`
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback(ctx) }()
	if _, err := tx.Exec(ctx, "UPDATE orders SET refunded = true WHERE id = $1", id); err != nil {
		log.Printf("refund %d: %v; retrying", id, err)
	}
	tx, err = pool.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE orders SET refunded = true WHERE id = $1", id); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Fixed bug 4: range-over-func loops (Go 1.23). The loop body is a synthetic
// yield function in SSA, so a transaction begun in it and kept across
// iterations is reported as a Return leak of the yield function, at the
// position of the `for` statement, and `continue` is not recognized.
//
//	actual:   "... on the path that returns at regress.go:140; defer tx.Rollback(ctx) after the error check; ..."
//	expected: "... when the loop continues at regress.go:146; release it before the next iteration, ..."
//	          and "... before the loop iterates again at regress.go:151; ..."
//	          (the same as the plain range loop over a slice)
func shipOrders(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	for id := range slices.Values(ids) {
		tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back when the loop continues at regress\.go:146; release it before the next iteration, or move the loop body into a function$` `^transaction tx from pool\.Begin is not committed or rolled back before the loop iterates again at regress\.go:151; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return err
		}
		if id <= 0 {
			continue
		}
		if _, err := tx.Exec(ctx, "UPDATE orders SET shipped = true WHERE id = $1", id); err != nil {
			log.Printf("ship %d: %v", id, err)
		}
	}
	return nil
}

// Fixed bug 5 (false positive): the "cleanup first" idiom, a nil-guarded
// rollback closure deferred BEFORE the transaction is begun. The walk
// starts after the acquisition, so it never sees the Defer instruction.
//
//	actual:   "... on the path that returns at regress.go:174; defer tx.Rollback(ctx) after the error check; ..."
//	expected: no diagnostic
func cancelOrder(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	var tx pgx.Tx
	defer func() {
		if tx != nil {
			_ = tx.Rollback(ctx)
		}
	}()
	var err error
	tx, err = pool.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE orders SET cancelled = true WHERE id = $1", id); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Fixed bug 6 (missed leak): when the paired error lives in a variable cell
// (a named result in a function with a defer, or a variable captured by
// a closure), addErr (alias.go) takes every load of that cell for the
// acquisition's error, so a LATER error branch (`if err = debit(...);
// err != nil`) is pruned as "nothing acquired". The alias.go comment
// calls this imprecision harmless ("can only hide a leak"), but it hides
// the textbook leak the analyzer exists for, whenever the function also
// has a deferred logger/metric/span reading err.
//
// 6a, named error result and a deferred logger:
//
//	actual:   no diagnostic
//	expected: the leak at regress.go:203
func transfer(ctx context.Context, pool *pgxpool.Pool, from, cents int64) (err error) {
	defer func() {
		if err != nil {
			log.Printf("transfer from %d failed: %v", from, err)
		}
	}()
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at regress\.go:203; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if err = debit(ctx, tx, from, cents); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// 6b, an error variable captured by a deferred metric closure:
//
//	actual:   no diagnostic
//	expected: the leak at regress.go:224
func transferMetered(ctx context.Context, pool *pgxpool.Pool, from, cents int64, failures *int) error {
	var err error
	defer func() {
		if err != nil {
			*failures++
		}
	}()
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at regress\.go:224; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if err = debit(ctx, tx, from, cents); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Fixed bug: a continue before the acquisition, taken on a later
// iteration while the previous transaction is still held, was named as
// a leaking exit. Only the continue after Begin leaks.
func skipNegative(ctx context.Context, pool *pgxpool.Pool, items []int) error {
	for _, it := range items {
		if it < 0 {
			continue
		}
		tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back when the loop continues at regress\.go:242; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return err
		}
		if it == 0 {
			continue
		}
		_ = tx.Rollback(ctx)
	}
	return nil
}
