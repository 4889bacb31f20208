// Package pgxrow holds rowscan cases for pgx v5: QueryRow on a pool, a
// connection, a transaction and an sqlc-style DBTX.
package pgxrow

import (
	"context"
	"errors"
	"log"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The cases whose messages name a line come first: line numbers are fragile.

// The cache hit returns before the row is scanned.
func orderTotal(ctx context.Context, pool *pgxpool.Pool, cache map[int64]int64, id int64) (int64, error) {
	row := pool.QueryRow(ctx, "SELECT total FROM orders WHERE id = $1", id) // want `row from pool\.QueryRow is not scanned on the path that returns at pgxrow\.go:21; call row\.Scan, or use Exec if no row is wanted`
	if total, ok := cache[id]; ok {
		return total, nil
	}
	var total int64
	err := row.Scan(&total)
	return total, err
}

// The validation fails after the query was sent.
func withdraw(ctx context.Context, conn *pgx.Conn, uid, amount int64) (int64, error) {
	row := conn.QueryRow(ctx, "SELECT balance FROM accounts WHERE user_id = $1", uid) // want `row from conn\.QueryRow is not scanned on the path that returns at pgxrow\.go:32; call row\.Scan, or use Exec if no row is wanted`
	if amount <= 0 {
		return 0, errInvalidAmount
	}
	var balance int64
	if err := row.Scan(&balance); err != nil {
		return 0, err
	}
	return balance - amount, nil
}

// A continue skips the Scan of the row queried in this iteration.
func reserveStock(ctx context.Context, tx pgx.Tx, items []Item) error {
	for _, it := range items {
		row := tx.QueryRow(ctx, "SELECT stock FROM products WHERE id = $1 FOR UPDATE", it.ProductID) // want `row from tx\.QueryRow is not scanned when the loop continues at pgxrow\.go:46; release it before the next iteration, or move the loop body into a function`
		if it.Quantity == 0 {
			continue
		}
		var stock int
		if err := row.Scan(&stock); err != nil {
			return err
		}
		if stock < it.Quantity {
			return errOutOfStock
		}
	}
	return nil
}

// A generated-style query method that skips the Scan on a flag.
func (q *Queries) GetUserEmail(ctx context.Context, id int64, skip bool) (string, error) {
	row := q.db.QueryRow(ctx, getUserEmail, id) // want `row from q\.db\.QueryRow is not scanned on the path that returns at pgxrow\.go:64; call row\.Scan, or use Exec if no row is wanted`
	var email string
	if skip {
		return email, nil
	}
	err := row.Scan(&email)
	return email, err
}

// QueryRow for a statement whose returned row nobody wants.
func markPaid(ctx context.Context, pool *pgxpool.Pool, id int64) {
	pool.QueryRow(ctx, "UPDATE orders SET paid = true WHERE id = $1 RETURNING id", id) // want `row from pool\.QueryRow is not scanned: the result is discarded`
}

// The row assigned to the blank identifier.
func touchUser(ctx context.Context, c *pgxpool.Conn, id int64) {
	_ = c.QueryRow(ctx, "UPDATE users SET seen_at = now() WHERE id = $1 RETURNING id", id) // want `row from c\.QueryRow is not scanned: the result is discarded`
}

// Safe: Scan chained on QueryRow.
func userEmail(ctx context.Context, pool *pgxpool.Pool, id int64) (string, error) {
	var email string
	err := pool.QueryRow(ctx, "SELECT email FROM users WHERE id = $1", id).Scan(&email) // ok
	return email, err
}

// Safe: the row is scanned on every branch.
func orderTotalScanned(ctx context.Context, pool *pgxpool.Pool, cache map[int64]int64, id int64) (int64, error) {
	row := pool.QueryRow(ctx, "SELECT total FROM orders WHERE id = $1", id) // ok
	var total int64
	if _, ok := cache[id]; ok {
		err := row.Scan(&total)
		cache[id] = total
		return total, err
	}
	if err := row.Scan(&total); errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	return total, nil
}

// Safe: the row is returned to the caller, who scans it.
func userRow(ctx context.Context, conn *pgx.Conn, id int64) pgx.Row {
	row := conn.QueryRow(ctx, "SELECT id, email FROM users WHERE id = $1", id) // ok
	return row
}

// Safe: a helper of this package scans the row.
func userByID(ctx context.Context, tx pgx.Tx, id int64) (User, error) {
	row := tx.QueryRow(ctx, "SELECT id, email FROM users WHERE id = $1", id) // ok
	return scanUser(row)
}

// Safe: the code sqlc generates.
func (q *Queries) GetUserEmailGenerated(ctx context.Context, id int64) (string, error) {
	row := q.db.QueryRow(ctx, getUserEmail, id) // ok
	var email string
	err := row.Scan(&email)
	return email, err
}

// Safe: the path without a Scan ends in log.Fatal.
func mustUserCount(ctx context.Context, pool *pgxpool.Pool, strict bool) int {
	row := pool.QueryRow(ctx, "SELECT count(*) FROM users") // ok
	if strict && ctx.Err() != nil {
		log.Fatal(ctx.Err())
	}
	var n int
	if err := row.Scan(&n); err != nil {
		log.Fatal(err)
	}
	return n
}

// Safe: a type of this package with a QueryRow method is not pgx.
type kv struct{ data map[string]string }

type kvRow struct{ v string }

func (k *kv) QueryRow(ctx context.Context, key string, args ...any) *kvRow {
	return &kvRow{k.data[key]}
}

func (r *kvRow) Scan(dest ...any) error { return nil }

func setting(ctx context.Context, k *kv, name string) bool {
	row := k.QueryRow(ctx, name) // ok
	return row != nil
}

type Item struct {
	ProductID int64
	Quantity  int
}

type User struct {
	ID    int64
	Email string
}

var (
	errInvalidAmount = errors.New("invalid amount")
	errOutOfStock    = errors.New("out of stock")
)

// DBTX is the interface sqlc generates for pgx/v5.
type DBTX interface {
	Exec(context.Context, string, ...interface{}) (pgconn.CommandTag, error)
	Query(context.Context, string, ...interface{}) (pgx.Rows, error)
	QueryRow(context.Context, string, ...interface{}) pgx.Row
}

type Queries struct {
	db DBTX
}

const getUserEmail = `SELECT email FROM users WHERE id = $1`

func scanUser(row pgx.Row) (User, error) {
	var u User
	err := row.Scan(&u.ID, &u.Email)
	return u, err
}
