// Package sqlloops holds deferloop cases for database/sql resources.
package sqlloops

import (
	"context"
	"database/sql"
)

type Account struct {
	ID     int64
	UserID int64
}

// The statement prepared for each query stays open until the function
// returns.
func runMigrations(ctx context.Context, db *sql.DB, stmts []string) error {
	for _, q := range stmts {
		stmt, err := db.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		defer stmt.Close() // want `^stmt\.Close is deferred inside a loop: each iteration holds its statement from db\.PrepareContext until the function returns; release it at the end of the iteration, or move the loop body into a function$`
		if _, err := stmt.ExecContext(ctx); err != nil {
			return err
		}
	}
	return nil
}

// The orders of every user stay open while the outer rows are walked.
func countOrdersPerUser(ctx context.Context, db *sql.DB) (map[int64]int, error) {
	users, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return nil, err
	}
	defer users.Close()
	counts := make(map[int64]int)
	for users.Next() {
		var id int64
		if err := users.Scan(&id); err != nil {
			return nil, err
		}
		orders, err := db.QueryContext(ctx, "SELECT id FROM orders WHERE user_id = $1", id)
		if err != nil {
			return nil, err
		}
		defer orders.Close() // ok: nothing is held when the next iteration starts
		for orders.Next() {
			counts[id]++
		}
	}
	return counts, users.Err()
}

// A queue drained with for {}: each transaction is rolled back only at
// the end.
func drainQueue(db *sql.DB, next func() (int64, bool)) error {
	for {
		id, ok := next()
		if !ok {
			break
		}
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		defer tx.Rollback() // ok: nothing is held when the next iteration starts
		if _, err := tx.Exec("DELETE FROM queue WHERE id = $1", id); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// One *sql.Conn per account, all held until the function returns.
func lockAccounts(ctx context.Context, db *sql.DB, accounts []Account) error {
	for i := 0; i < len(accounts); i++ {
		conn, err := db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close() // want `^conn\.Close is deferred inside a loop: each iteration holds its connection from db\.Conn until the function returns; release it at the end of the iteration, or move the loop body into a function$`
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", accounts[i].ID); err != nil {
			return err
		}
	}
	return nil
}

// A deferred function literal taking the rows as an argument.
func balances(ctx context.Context, db *sql.DB, ids []int64) (map[int64]int64, error) {
	out := make(map[int64]int64)
	for _, id := range ids {
		rows, err := db.QueryContext(ctx, "SELECT balance FROM accounts WHERE user_id = $1", id)
		if err != nil {
			return nil, err
		}
		defer func(r *sql.Rows) { r.Close() }(rows) // ok: nothing is held when the next iteration starts
		for rows.Next() {
			var b int64
			if err := rows.Scan(&b); err != nil {
				return nil, err
			}
			out[id] += b
		}
	}
	return out, nil
}

// Clean twin of runMigrations: closed at the end of each iteration.
func runMigrationsClosed(ctx context.Context, db *sql.DB, stmts []string) error {
	for _, q := range stmts {
		stmt, err := db.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		_, err = stmt.ExecContext(ctx)
		stmt.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// Clean twin of drainQueue: the loop body is a function literal.
func drainQueuePerItem(db *sql.DB, next func() (int64, bool)) error {
	for {
		id, ok := next()
		if !ok {
			return nil
		}
		err := func() error {
			tx, err := db.Begin()
			if err != nil {
				return err
			}
			defer tx.Rollback()
			if _, err := tx.Exec("DELETE FROM queue WHERE id = $1", id); err != nil {
				return err
			}
			return tx.Commit()
		}()
		if err != nil {
			return err
		}
	}
}

// Clean twin of lockAccounts: one connection, its close deferred
// outside the loop.
func lockAccountsOneConn(ctx context.Context, db *sql.DB, accounts []Account) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, a := range accounts {
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", a.ID); err != nil {
			return err
		}
	}
	return nil
}

// The leaking twin of drainQueue: the transaction of an item that is
// already gone is neither committed nor rolled back before the next.
func drainQueueSkipping(db *sql.DB, next func() (int64, bool)) error {
	for {
		id, ok := next()
		if !ok {
			break
		}
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		defer tx.Rollback() // want `^tx\.Rollback is deferred inside a loop: each iteration holds its transaction from db\.Begin until the function returns; release it at the end of the iteration, or move the loop body into a function$`
		res, err := tx.Exec("DELETE FROM queue WHERE id = $1", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			continue
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
