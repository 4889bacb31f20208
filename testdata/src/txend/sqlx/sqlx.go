// Package sqlx holds the transactions of github.com/jmoiron/sqlx:
// *sqlx.Tx embeds *sql.Tx, and its promoted Commit and Rollback end it.
package sqlx

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// The error branch returns without a rollback.
func transfer(ctx context.Context, db *sqlx.DB, from, to int64, amount int) error {
	tx, err := db.BeginTxx(ctx, nil) // want `^transaction tx from db\.BeginTxx is not committed or rolled back on the path that returns at sqlx\.go:19; defer tx\.Rollback\(\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, from); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", amount, to); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// The clean twin: Rollback deferred after the error check, promoted
// from *sql.Tx.
func transferSafe(ctx context.Context, db *sqlx.DB, from, to int64, amount int) error {
	tx, err := db.BeginTxx(ctx, &sql.TxOptions{})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, from); err != nil {
		return err
	}
	return tx.Commit()
}

// MustBegin panics instead of returning an error; the early return
// leaks the transaction.
func mustBegin(db *sqlx.DB, names []string) error {
	tx := db.MustBegin() // want `^transaction tx from db\.MustBegin is not committed or rolled back on the path that returns at sqlx\.go:47; defer tx\.Rollback\(\) after the error check; it is a no-op after Commit$`
	if len(names) == 0 {
		return nil
	}
	for _, n := range names {
		tx.MustExec("INSERT INTO users (name) VALUES ($1)", n)
	}
	return tx.Commit()
}

// Beginx in a loop, continuing on an error without a rollback.
func perItem(db *sqlx.DB, ids []int64) {
	for _, id := range ids {
		tx, err := db.Beginx() // want `^transaction tx from db\.Beginx is not committed or rolled back when the loop continues at sqlx\.go:63; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			continue
		}
		if _, err := tx.Exec("DELETE FROM items WHERE id = $1", id); err != nil {
			continue
		}
		tx.Commit()
	}
}

// Begin reached through the embedded *sql.DB returns a *sql.Tx.
func embeddedBegin(db *sqlx.DB) error {
	tx, err := db.Begin() // want `^transaction tx from db\.Begin is not committed or rolled back on the path that returns at sqlx\.go:76; defer tx\.Rollback\(\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if _, err := tx.Exec("SELECT 1"); err != nil {
		return err
	}
	return tx.Commit()
}

// The transaction of an *sqlx.Conn, committed through the field by
// name: clean.
func onConn(ctx context.Context, c *sqlx.Conn) error {
	tx, err := c.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	return tx.Tx.Commit()
}
