// Package pgxtx holds txend cases for pgx.Tx: the leaks in this file,
// their clean twins in safe.go.
package pgxtx

import (
	"context"
	"errors"
	"fmt"
	"log"
	http "nethttp"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var (
	errInsufficientFunds = errors.New("insufficient funds")
	errNotFound          = errors.New("not found")
)

type Order struct {
	ID      int64
	UserID  int64
	Cents   int64
	Final   bool
	Invalid bool
}

func debit(ctx context.Context, tx pgx.Tx, account, cents int64) error {
	_, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", cents, account)
	return err
}

func credit(ctx context.Context, tx pgx.Tx, account, cents int64) error {
	_, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", cents, account)
	return err
}

// The happy path commits; the debit error branch returns with the
// transaction open.
func transfer(ctx context.Context, pool *pgxpool.Pool, from, to, cents int64) error {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at leaks\.go:47; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if err := debit(ctx, tx, from, cents); err != nil {
		return err
	}
	if err := credit(ctx, tx, to, cents); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// Three error branches return without Rollback: the first is named,
// the other two counted.
func placeOrder(ctx context.Context, pool *pgxpool.Pool, o Order) error {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at leaks\.go:65 \(and 2 other exits\); defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	var balance int64
	if err := tx.QueryRow(ctx, "SELECT balance FROM accounts WHERE user_id = $1 FOR UPDATE", o.UserID).Scan(&balance); err != nil {
		return fmt.Errorf("lock account: %w", err)
	}
	if balance < o.Cents {
		return errInsufficientFunds
	}
	if _, err := tx.Exec(ctx, "INSERT INTO orders (id, user_id, cents) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Cents); err != nil {
		return fmt.Errorf("insert order: %w", err)
	}
	return tx.Commit(ctx)
}

// A batch import opens one transaction per order and skips an invalid
// order with continue, leaving its transaction open.
func importOrders(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	for _, o := range orders {
		tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back when the loop continues at leaks\.go:86; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "INSERT INTO orders (id, user_id, cents) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Cents); err != nil {
			log.Printf("skip order %d: %v", o.ID, err)
			continue
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Only the final order's transaction is committed: every other
// iteration goes around the loop with its transaction open.
func shipOrders(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	for _, o := range orders {
		tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back before the loop iterates again at leaks\.go:112; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE orders SET shipped = true WHERE id = $1", o.ID); err != nil {
			_ = tx.Rollback(ctx)
			return err
		}
		if o.Final {
			if err := tx.Commit(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// The unknown status of the switch returns with the transaction open.
func setOrderStatus(ctx context.Context, pool *pgxpool.Pool, id int64, status string) error {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at leaks\.go:128; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	switch status {
	case "paid":
		_, err = tx.Exec(ctx, "UPDATE orders SET paid_at = now() WHERE id = $1", id)
	case "cancelled":
		_, err = tx.Exec(ctx, "UPDATE orders SET cancelled_at = now() WHERE id = $1", id)
	default:
		return fmt.Errorf("unknown status %q", status)
	}
	if err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// Cancellation while waiting for the payment confirmation returns with
// the transaction open.
func awaitPayment(ctx context.Context, pool *pgxpool.Pool, id int64, paid <-chan bool) error {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at leaks\.go:150; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "SELECT 1 FROM orders WHERE id = $1 FOR UPDATE", id); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case ok := <-paid:
		if !ok {
			return tx.Rollback(ctx)
		}
		return tx.Commit(ctx)
	}
}

// Commit happens only when a row was updated; the function falls off
// its end otherwise.
func touchOrder(ctx context.Context, pool *pgxpool.Pool, id int64) {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at leaks\.go:170; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return
	}
	tag, err := tx.Exec(ctx, "UPDATE orders SET touched_at = now() WHERE id = $1", id)
	if err == nil && tag.RowsAffected() == 1 {
		_ = tx.Commit(ctx)
	}
}

// tx is captured by the closure, so it lives in a variable; beginning
// a retry transaction into it loses the first one.
func refundWithRetry(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back before the variable holding it is overwritten at leaks\.go:186; release it before the variable is assigned again$`
	if err != nil {
		return err
	}
	refund := func() error {
		_, err := tx.Exec(ctx, "UPDATE orders SET refunded = true WHERE id = $1", id)
		return err
	}
	if err := refund(); err == nil {
		return tx.Commit(ctx)
	}
	tx, err = pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if err := refund(); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// The leak is inside the handler's function literal.
func cancelOrderHandler(pool *pgxpool.Pool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tx, err := pool.Begin(r.Context()) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at leaks\.go:208; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
		if err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		tag, err := tx.Exec(r.Context(), "UPDATE orders SET cancelled = true WHERE id = $1", r.URL.Query().Get("id"))
		if err != nil || tag.RowsAffected() == 0 {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		if err := tx.Commit(r.Context()); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}
}

// The savepoint from tx.Begin on a borrowed transaction: the error
// branch returns into the caller with the savepoint still open, which
// the caller cannot end (a savepoint under a transaction this function
// ends is no leak: see precision/txend/savepointdeferredparent).
func addLineItems(ctx context.Context, tx pgx.Tx, orderID int64, skus []string) error {
	sp, err := tx.Begin(ctx) // want `^transaction sp from tx\.Begin is not committed or rolled back on the path that returns at leaks\.go:227; defer sp\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	for _, sku := range skus {
		if _, err := sp.Exec(ctx, "INSERT INTO line_items (order_id, sku) VALUES ($1, $2)", orderID, sku); err != nil {
			return err
		}
	}
	return sp.Commit(ctx)
}

// A serializable transaction on a dedicated *pgx.Conn: the conflict
// check returns with it open.
func reserveStock(ctx context.Context, conn *pgx.Conn, sku string, qty int) error {
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable}) // want `^transaction tx from conn\.BeginTx is not committed or rolled back on the path that returns at leaks\.go:246; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	var stock int
	if err := tx.QueryRow(ctx, "SELECT stock FROM items WHERE sku = $1", sku).Scan(&stock); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	if stock < qty {
		return fmt.Errorf("sku %s: only %d left", sku, stock)
	}
	if _, err := tx.Exec(ctx, "UPDATE items SET stock = stock - $1 WHERE sku = $2", qty, sku); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// A transaction on an acquired pool connection: the missing-user
// branch returns with it open (the connection itself is released).
func closeAccount(ctx context.Context, pool *pgxpool.Pool, userID int64) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	tx, err := conn.Begin(ctx) // want `^transaction tx from conn\.Begin is not committed or rolled back on the path that returns at leaks\.go:273; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	tag, err := tx.Exec(ctx, "UPDATE accounts SET closed = true WHERE user_id = $1", userID)
	if err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	if tag.RowsAffected() == 0 {
		return errNotFound
	}
	return tx.Commit(ctx)
}

// The transaction is begun and dropped: BEGIN runs, nothing ends it.
func startAudit(ctx context.Context, pool *pgxpool.Pool) {
	pool.Begin(ctx) // want `^transaction from pool\.Begin is not committed or rolled back: the result is discarded \(on the path that returns at leaks\.go:281\); assign it and defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
}

// beginner is how a service sees its database in tests: Begin through
// an interface is a transaction all the same.
type beginner interface {
	Begin(ctx context.Context) (pgx.Tx, error)
}

// The validation returns with the transaction open, through an interface.
func renameOrder(ctx context.Context, db beginner, id int64, label string) error {
	tx, err := db.Begin(ctx) // want `^transaction tx from db\.Begin is not committed or rolled back on the path that returns at leaks\.go:296; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if label == "" {
		return errors.New("empty label")
	}
	if _, err := tx.Exec(ctx, "UPDATE orders SET label = $1 WHERE id = $2", label, id); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// The goroutine begins a transaction and never ends it on success.
func expireOrdersInBackground(ctx context.Context, pool *pgxpool.Pool) {
	go func() {
		tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at leaks\.go:316; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
		if err != nil {
			log.Printf("expire orders: %v", err)
			return
		}
		if _, err := tx.Exec(ctx, "UPDATE orders SET expired = true WHERE created_at < now() - interval '1 day'"); err != nil {
			log.Printf("expire orders: %v", err)
		}
	}()
}

// The transaction begun inside AcquireFunc's function literal is left
// open by the error branch: AcquireFunc owns the connection, not the
// transaction.
func recountOrders(ctx context.Context, pool *pgxpool.Pool, userID int64) error {
	return pool.AcquireFunc(ctx, func(conn *pgxpool.Conn) error {
		tx, err := conn.Begin(ctx) // want `^transaction tx from conn\.Begin is not committed or rolled back on the path that returns at leaks\.go:329; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE users SET order_count = (SELECT count(*) FROM orders WHERE user_id = $1) WHERE id = $1", userID); err != nil {
			return err
		}
		return tx.Commit(ctx)
	})
}

// Breaking out of the batch on an invalid order leaves that order's
// transaction open when the function returns after the loop.
func importUntilInvalid(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	for _, o := range orders {
		tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that breaks out of the loop at leaks\.go:344 and returns at leaks\.go:354; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
		if err != nil {
			return err
		}
		if o.Invalid {
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

// repoInsert only uses the transaction; it leaves ending it to the caller.
func repoInsert(ctx context.Context, tx pgx.Tx, o Order) error {
	_, err := tx.Exec(ctx, "INSERT INTO orders (id, user_id, cents) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Cents)
	return err
}
