package pgxtx

import (
	"context"
	"fmt"
	"log"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"txend/repo"
)

// Rollback is deferred right after the error check; after a successful
// Commit it does nothing.
func transferDeferred(ctx context.Context, pool *pgxpool.Pool, from, to, cents int64) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if err := debit(ctx, tx, from, cents); err != nil {
		return err
	}
	if err := credit(ctx, tx, to, cents); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Commit on success, Rollback on every error branch.
func placeOrderExplicit(ctx context.Context, pool *pgxpool.Pool, o Order) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	var balance int64
	if err := tx.QueryRow(ctx, "SELECT balance FROM accounts WHERE user_id = $1 FOR UPDATE", o.UserID).Scan(&balance); err != nil {
		_ = tx.Rollback(ctx)
		return fmt.Errorf("lock account: %w", err)
	}
	if balance < o.Cents {
		_ = tx.Rollback(ctx)
		return errInsufficientFunds
	}
	if _, err := tx.Exec(ctx, "INSERT INTO orders (id, user_id, cents) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Cents); err != nil {
		_ = tx.Rollback(ctx)
		return fmt.Errorf("insert order: %w", err)
	}
	return tx.Commit(ctx)
}

// The commit-or-rollback deferred closure over a named error result.
func placeOrderCommitOrRollback(ctx context.Context, pool *pgxpool.Pool, o Order) (err error) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(ctx)
		} else {
			err = tx.Commit(ctx)
		}
	}()
	if err = debit(ctx, tx, o.UserID, o.Cents); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "INSERT INTO orders (id, user_id, cents) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Cents)
	return err
}

// A deferred closure that rolls back only on panic or error, with the
// commit in the body: trusted, since it releases on some path.
func transferRollbackOnError(ctx context.Context, pool *pgxpool.Pool, from, to, cents int64) (err error) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback(ctx)
			panic(p)
		}
		if err != nil {
			_ = tx.Rollback(ctx)
		}
	}()
	if err = debit(ctx, tx, from, cents); err != nil {
		return err
	}
	if err = credit(ctx, tx, to, cents); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// The batch import rolls back before continue.
func importOrdersRolledBack(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	for _, o := range orders {
		tx, err := pool.Begin(ctx)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "INSERT INTO orders (id, user_id, cents) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Cents); err != nil {
			log.Printf("skip order %d: %v", o.ID, err)
			_ = tx.Rollback(ctx)
			continue
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

// The loop body is a function literal called per iteration: its defer
// ends each transaction at the end of the iteration.
func shipOrdersPerIteration(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	for _, o := range orders {
		err := func() error {
			tx, err := pool.Begin(ctx)
			if err != nil {
				return err
			}
			defer tx.Rollback(ctx)
			if _, err := tx.Exec(ctx, "UPDATE orders SET shipped = true WHERE id = $1", o.ID); err != nil {
				return err
			}
			return tx.Commit(ctx)
		}()
		if err != nil {
			return err
		}
	}
	return nil
}

// pgx.BeginFunc owns the transaction: nothing to end.
func shipOrdersBeginFunc(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	for _, o := range orders {
		err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
			_, err := tx.Exec(ctx, "UPDATE orders SET shipped = true WHERE id = $1", o.ID)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// pgx.BeginTxFunc likewise.
func reserveStockTxFunc(ctx context.Context, conn *pgx.Conn, sku string, qty int) error {
	return pgx.BeginTxFunc(ctx, conn, pgx.TxOptions{IsoLevel: pgx.Serializable}, func(tx pgx.Tx) error {
		var stock int
		if err := tx.QueryRow(ctx, "SELECT stock FROM items WHERE sku = $1", sku).Scan(&stock); err != nil {
			return err
		}
		if stock < qty {
			return fmt.Errorf("sku %s: only %d left", sku, stock)
		}
		_, err := tx.Exec(ctx, "UPDATE items SET stock = stock - $1 WHERE sku = $2", qty, sku)
		return err
	})
}

// Every case of the switch ends the transaction.
func setOrderStatusAllCases(ctx context.Context, pool *pgxpool.Pool, id int64, status string) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	switch status {
	case "paid":
		_, err = tx.Exec(ctx, "UPDATE orders SET paid_at = now() WHERE id = $1", id)
	case "cancelled":
		_, err = tx.Exec(ctx, "UPDATE orders SET cancelled_at = now() WHERE id = $1", id)
	default:
		_ = tx.Rollback(ctx)
		return fmt.Errorf("unknown status %q", status)
	}
	if err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// Both cases of the select end the transaction.
func awaitPaymentEnded(ctx context.Context, pool *pgxpool.Pool, id int64, paid <-chan bool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	select {
	case <-ctx.Done():
		return ctx.Err()
	case ok := <-paid:
		if !ok {
			return nil
		}
		return tx.Commit(ctx)
	}
}

// The transaction is returned to the caller, who must end it.
func beginAsUser(ctx context.Context, pool *pgxpool.Pool, userID int64) (pgx.Tx, error) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := tx.Exec(ctx, "SELECT set_config('app.user_id', $1, true)", userID); err != nil {
		_ = tx.Rollback(ctx)
		return nil, err
	}
	return tx, nil
}

// finish commits or rolls back on every path.
func finish(ctx context.Context, tx pgx.Tx, err error) error {
	if err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// A helper of this package that ends the transaction on every path
// takes it over.
func refund(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "UPDATE orders SET refunded = true WHERE id = $1", id)
	return finish(ctx, tx, err)
}

// Lent to a function of another package whose fact says it borrows the
// transaction: the caller still owes the commit or rollback.
func saveOrder(ctx context.Context, pool *pgxpool.Pool, o Order) error {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at safe\.go:250; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	return repo.Save(ctx, tx, repo.Order{ID: o.ID, UserID: o.UserID, Cents: o.Cents})
}

// unitOfWork keeps its transaction until Done.
type unitOfWork struct {
	tx pgx.Tx
}

// Stored in a struct field: the struct owns it now.
func (u *unitOfWork) Start(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	u.tx = tx
	return nil
}

// The goroutine takes the transaction over and ends it.
func expireOrdersHandedOver(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	go func() {
		defer tx.Rollback(ctx)
		if _, err := tx.Exec(ctx, "UPDATE orders SET expired = true WHERE created_at < now() - interval '1 day'"); err != nil {
			log.Printf("expire orders: %v", err)
			return
		}
		_ = tx.Commit(ctx)
	}()
	return nil
}

// The savepoint is rolled back by a defer too.
func addLineItemsSavepoint(ctx context.Context, pool *pgxpool.Pool, orderID int64, skus []string) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	sp, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	defer sp.Rollback(ctx)
	for _, sku := range skus {
		if _, err := sp.Exec(ctx, "INSERT INTO line_items (order_id, sku) VALUES ($1, $2)", orderID, sku); err != nil {
			return err
		}
	}
	if err := sp.Commit(ctx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// log.Fatal ends the process: the failing path does not return.
func backfillOrDie(ctx context.Context, pool *pgxpool.Pool) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "UPDATE orders SET currency = 'EUR' WHERE currency IS NULL"); err != nil {
		log.Fatalf("backfill: %v", err)
	}
	if err := tx.Commit(ctx); err != nil {
		log.Fatalf("commit: %v", err)
	}
}

// fatal logs and exits; a path through it never returns.
func fatal(format string, args ...any) {
	log.Printf(format, args...)
	os.Exit(1)
}

// A local helper that ends in os.Exit is a no-return call too.
func seedOrdersOrDie(ctx context.Context, pool *pgxpool.Pool) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		fatal("begin: %v", err)
	}
	if _, err := tx.Exec(ctx, "INSERT INTO orders (id, user_id, cents) VALUES (1, 1, 100)"); err != nil {
		fatal("seed: %v", err)
	}
	if err := tx.Commit(ctx); err != nil {
		fatal("commit: %v", err)
	}
}

// panic on the failing path is not a leak.
func mustRefund(ctx context.Context, pool *pgxpool.Pool, id int64) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		panic(err)
	}
	if _, err := tx.Exec(ctx, "UPDATE orders SET refunded = true WHERE id = $1", id); err != nil {
		panic(fmt.Sprintf("refund %d: %v", id, err))
	}
	if err := tx.Commit(ctx); err != nil {
		panic(err)
	}
}

// t.Fatal stops the test goroutine: not a leak.
func seedForTest(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "INSERT INTO users (id, name) VALUES (1, 'ann')"); err != nil {
		t.Fatalf("seed: %v", err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatalf("commit: %v", err)
	}
}

// ledger is a user type whose Begin, Commit and Rollback have nothing
// to do with pgx: resources are matched by type identity, not by name.
type ledger struct{ entries []int64 }

type ledgerTx struct {
	l       *ledger
	pending []int64
}

func (l *ledger) Begin(ctx context.Context) (*ledgerTx, error) { return &ledgerTx{l: l}, ctx.Err() }

func (t *ledgerTx) Commit(ctx context.Context) error {
	t.l.entries = append(t.l.entries, t.pending...)
	return nil
}

func (t *ledgerTx) Rollback(ctx context.Context) error { t.pending = nil; return nil }

// Never reported: *ledgerTx is not a database transaction.
func post(ctx context.Context, l *ledger, cents int64) error {
	t, err := l.Begin(ctx)
	if err != nil {
		return err
	}
	if cents == 0 {
		return nil
	}
	t.pending = append(t.pending, cents)
	return t.Commit(ctx)
}

// Batches of 100 orders per transaction: the transaction is begun when
// none is open, committed every 100 orders and at the end.
func importOrdersBatched(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	var tx pgx.Tx
	var err error
	for i, o := range orders {
		if tx == nil {
			tx, err = pool.Begin(ctx)
			if err != nil {
				return err
			}
		}
		if err := repoInsert(ctx, tx, o); err != nil {
			_ = tx.Rollback(ctx)
			return err
		}
		if i%100 == 99 {
			if err := tx.Commit(ctx); err != nil {
				return err
			}
			tx = nil
		}
	}
	if tx != nil {
		return tx.Commit(ctx)
	}
	return nil
}

// orderService ends transactions through its own method.
type orderService struct {
	pool *pgxpool.Pool
}

// finish commits or rolls back on every path.
func (s *orderService) finish(ctx context.Context, tx pgx.Tx, err error) error {
	if err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// A method of this package that ends the transaction on every path
// takes it over.
func (s *orderService) Cancel(ctx context.Context, id int64) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "UPDATE orders SET cancelled = true WHERE id = $1", id)
	return s.finish(ctx, tx, err)
}

// The transaction begun inside AcquireFunc is rolled back by a defer.
func recountOrdersDeferred(ctx context.Context, pool *pgxpool.Pool, userID int64) error {
	return pool.AcquireFunc(ctx, func(conn *pgxpool.Conn) error {
		tx, err := conn.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx)
		if _, err := tx.Exec(ctx, "UPDATE users SET order_count = (SELECT count(*) FROM orders WHERE user_id = $1) WHERE id = $1", userID); err != nil {
			return err
		}
		return tx.Commit(ctx)
	})
}

// Breaking out of the batch rolls the current transaction back first.
func importUntilInvalidRolledBack(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	for _, o := range orders {
		tx, err := pool.Begin(ctx)
		if err != nil {
			return err
		}
		if o.Invalid {
			_ = tx.Rollback(ctx)
			break
		}
		if err := repoInsert(ctx, tx, o); err != nil {
			_ = tx.Rollback(ctx)
			return err
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}
