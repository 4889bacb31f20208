// Package sqltx holds txend cases for *sql.Tx: the leaks in this file,
// their clean twins in safe.go.
package sqltx

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
)

var errNotFound = errors.New("not found")

type Account struct {
	ID      int64
	UserID  int64
	Balance int64
	Frozen  bool
}

// The happy path commits; the debit error branch returns with the
// transaction open.
func transfer(db *sql.DB, from, to, cents int64) error {
	tx, err := db.Begin() // want `^transaction tx from db\.Begin is not committed or rolled back on the path that returns at leaks\.go:30; defer tx\.Rollback\(\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if _, err := tx.Exec("UPDATE accounts SET balance = balance - $1 WHERE id = $2", cents, from); err != nil {
		return err
	}
	if _, err := tx.Exec("UPDATE accounts SET balance = balance + $1 WHERE id = $2", cents, to); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Two error branches of a serializable BeginTx return without Rollback.
func freezeAccount(ctx context.Context, db *sql.DB, id int64) error {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}) // want `^transaction tx from db\.BeginTx is not committed or rolled back on the path that returns at leaks\.go:47 \(and 1 other exit\); defer tx\.Rollback\(\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, "UPDATE accounts SET frozen = true WHERE id = $1", id)
	if err != nil {
		return fmt.Errorf("freeze %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound
	}
	return tx.Commit()
}

// Frozen accounts are skipped with continue, leaving their transaction
// open.
func applyInterest(ctx context.Context, db *sql.DB, accounts []Account) error {
	for _, a := range accounts {
		tx, err := db.BeginTx(ctx, nil) // want `^transaction tx from db\.BeginTx is not committed or rolled back when the loop continues at leaks\.go:65; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return err
		}
		if a.Frozen {
			log.Printf("account %d is frozen", a.ID)
			continue
		}
		if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance * 1.01 WHERE id = $1", a.ID); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// A transaction on a dedicated *sql.Conn: the lock timeout setting fails
// and the function returns with the transaction open.
func lockedReport(ctx context.Context, conn *sql.Conn, userID int64) (int64, error) {
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // want `^transaction tx from conn\.BeginTx is not committed or rolled back on the path that returns at leaks\.go:86; defer tx\.Rollback\(\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, "SET LOCAL lock_timeout = '1s'"); err != nil {
		return 0, err
	}
	var total int64
	err = tx.QueryRowContext(ctx, "SELECT sum(balance) FROM accounts WHERE user_id = $1", userID).Scan(&total)
	tx.Rollback()
	return total, err
}

// Commit happens only when the account exists; the function falls off
// its end otherwise.
func touchAccount(db *sql.DB, id int64) {
	tx, err := db.Begin() // want `^transaction tx from db\.Begin is not committed or rolled back on the path that returns at leaks\.go:109; defer tx\.Rollback\(\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return
	}
	res, err := tx.Exec("UPDATE accounts SET touched_at = now() WHERE id = $1", id)
	if err != nil {
		tx.Rollback()
		return
	}
	if n, _ := res.RowsAffected(); n == 1 {
		tx.Commit()
	}
}

// The transaction is begun and dropped.
func startAudit(db *sql.DB) {
	db.Begin() // want `^transaction from db\.Begin is not committed or rolled back: the result is discarded \(on the path that returns at leaks\.go:114\); assign it and defer tx\.Rollback\(\) after the error check; it is a no-op after Commit$`
}
