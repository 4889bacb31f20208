// Package sqlrow holds rowscan cases for database/sql: QueryRow and
// QueryRowContext on a DB, a Conn, a Tx and a Stmt.
package sqlrow

import (
	"context"
	"database/sql"
	"errors"
)

// The cases whose messages name a line come first: line numbers are fragile.

// The example of the documentation: the cache hit returns before the row
// is scanned, and the row keeps its connection.
func orderTotal(ctx context.Context, db *sql.DB, cache map[int64]int64, id int64) (int64, error) {
	row := db.QueryRowContext(ctx, "SELECT total FROM orders WHERE id = ?", id) // want `row from db\.QueryRowContext is not scanned on the path that returns at sqlrow\.go:18; call row\.Scan, or use Exec if no row is wanted`
	if cached, ok := cache[id]; ok {
		return cached, nil
	}
	var total int64
	return total, row.Scan(&total)
}

// A transaction that bails out before scanning the row.
func withdraw(ctx context.Context, tx *sql.Tx, uid, amount int64) (int64, error) {
	row := tx.QueryRowContext(ctx, "SELECT balance FROM accounts WHERE user_id = ?", uid) // want `row from tx\.QueryRowContext is not scanned on the path that returns at sqlrow\.go:28; call row\.Scan, or use Exec if no row is wanted`
	if amount <= 0 {
		return 0, errInvalidAmount
	}
	var balance int64
	if err := row.Scan(&balance); err != nil {
		return 0, err
	}
	return balance - amount, nil
}

// A row queried in each iteration and scanned only in some.
func stockLevels(ctx context.Context, stmt *sql.Stmt, ids []int64, wanted map[int64]bool) (map[int64]int, error) {
	levels := make(map[int64]int)
	for _, id := range ids {
		row := stmt.QueryRowContext(ctx, id) // want `row from stmt\.QueryRowContext is not scanned before the loop iterates again at sqlrow\.go:49; release it before the next iteration, or move the loop body into a function`
		if wanted[id] {
			var n int
			if err := row.Scan(&n); err != nil {
				return nil, err
			}
			levels[id] = n
		}
	}
	return levels, nil
}

// QueryRow for a statement whose returned row nobody wants.
func lockUser(ctx context.Context, conn *sql.Conn, id int64) {
	conn.QueryRowContext(ctx, "SELECT id FROM users WHERE id = ? FOR UPDATE", id) // want `row from conn\.QueryRowContext is not scanned: the result is discarded`
}

// The row assigned to the blank identifier.
func ping(db *sql.DB) {
	_ = db.QueryRow("SELECT 1") // want `row from db\.QueryRow is not scanned: the result is discarded`
}

// Safe: Scan chained on QueryRowContext.
func userEmail(ctx context.Context, db *sql.DB, id int64) (string, error) {
	var email string
	err := db.QueryRowContext(ctx, "SELECT email FROM users WHERE id = ?", id).Scan(&email) // ok
	return email, err
}

// Safe: the row is scanned on every branch.
func userExists(ctx context.Context, db *sql.DB, email string) (bool, error) {
	row := db.QueryRowContext(ctx, "SELECT id FROM users WHERE email = ?", email) // ok
	var id int64
	switch err := row.Scan(&id); {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, err
	}
	return true, nil
}

// Safe: the row is returned to the caller, who scans it.
func userRow(ctx context.Context, conn *sql.Conn, id int64) *sql.Row {
	return conn.QueryRowContext(ctx, "SELECT id, email FROM users WHERE id = ?", id) // ok
}

// Safe: a helper of this package scans the row.
func userByID(ctx context.Context, tx *sql.Tx, id int64) (User, error) {
	row := tx.QueryRowContext(ctx, "SELECT id, email FROM users WHERE id = ?", id) // ok
	return scanUser(row)
}

// Safe: the row is scanned after a branch that does not return.
func orderCount(ctx context.Context, db *sql.DB, uid int64, verbose bool) (int, error) {
	row := db.QueryRow("SELECT count(*) FROM orders WHERE user_id = ?", uid) // ok
	if verbose {
		uid = -uid
	}
	var n int
	err := row.Scan(&n)
	return n, err
}

// Safe: the path without a Scan panics.
func mustBalance(ctx context.Context, db *sql.DB, uid int64) int64 {
	row := db.QueryRowContext(ctx, "SELECT balance FROM accounts WHERE user_id = ?", uid) // ok
	if uid <= 0 {
		panic("invalid user id")
	}
	var b int64
	if err := row.Scan(&b); err != nil {
		panic(err)
	}
	return b
}

type User struct {
	ID    int64
	Email string
}

var errInvalidAmount = errors.New("invalid amount")

func scanUser(row *sql.Row) (User, error) {
	var u User
	err := row.Scan(&u.ID, &u.Email)
	return u, err
}
