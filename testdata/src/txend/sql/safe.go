package sqltx

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"

	"txend/repo"
)

// Rollback is deferred right after the error check.
func transferDeferred(db *sql.DB, from, to, cents int64) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("UPDATE accounts SET balance = balance - $1 WHERE id = $2", cents, from); err != nil {
		return err
	}
	if _, err := tx.Exec("UPDATE accounts SET balance = balance + $1 WHERE id = $2", cents, to); err != nil {
		return err
	}
	return tx.Commit()
}

// Commit on success, Rollback on every error branch.
func freezeAccountExplicit(ctx context.Context, db *sql.DB, id int64) error {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, "UPDATE accounts SET frozen = true WHERE id = $1", id)
	if err != nil {
		tx.Rollback()
		return fmt.Errorf("freeze %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		tx.Rollback()
		return errNotFound
	}
	return tx.Commit()
}

// The commit-or-rollback deferred closure over a named error result.
func openAccount(ctx context.Context, db *sql.DB, userID int64) (id int64, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
			return
		}
		err = tx.Commit()
	}()
	err = tx.QueryRowContext(ctx, "INSERT INTO accounts (user_id) VALUES ($1) RETURNING id", userID).Scan(&id)
	if err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO audit (account_id) VALUES ($1)", id)
	return id, err
}

// The loop rolls back before continue.
func applyInterestRolledBack(ctx context.Context, db *sql.DB, accounts []Account) error {
	for _, a := range accounts {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if a.Frozen {
			tx.Rollback()
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

// A transaction on a *sql.Conn, rolled back by a defer.
func lockedReportDeferred(ctx context.Context, conn *sql.Conn, userID int64) (int64, error) {
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "SET LOCAL lock_timeout = '1s'"); err != nil {
		return 0, err
	}
	var total int64
	err = tx.QueryRowContext(ctx, "SELECT sum(balance) FROM accounts WHERE user_id = $1", userID).Scan(&total)
	return total, err
}

// The transaction is returned to the caller, who must end it.
func beginForUser(ctx context.Context, db *sql.DB, userID int64) (*sql.Tx, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, "SELECT set_config('app.user_id', $1, true)", userID); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

// finish commits or rolls back on every path.
func finish(tx *sql.Tx, err error) error {
	if err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// A helper of this package that ends the transaction on every path
// takes it over.
func closeAccount(ctx context.Context, db *sql.DB, id int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE accounts SET closed = true WHERE id = $1", id)
	return finish(tx, err)
}

// Lent to a function of another package whose fact says it borrows the
// transaction: the caller still owes the commit or rollback.
func saveOrder(ctx context.Context, db *sql.DB, o repo.Order) error {
	tx, err := db.BeginTx(ctx, nil) // want `^transaction tx from db\.BeginTx is not committed or rolled back on the path that returns at safe\.go:145; defer tx\.Rollback\(\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	return repo.SaveSQL(ctx, tx, o)
}

// A local helper that ends in os.Exit is a no-return call.
func fatal(format string, args ...any) {
	log.Printf(format, args...)
	os.Exit(1)
}

// The failing paths call fatal: not leaks.
func migrateOrDie(db *sql.DB) {
	tx, err := db.Begin()
	if err != nil {
		fatal("begin: %v", err)
	}
	if _, err := tx.Exec("ALTER TABLE accounts ADD COLUMN IF NOT EXISTS closed boolean"); err != nil {
		fatal("migrate: %v", err)
	}
	if err := tx.Commit(); err != nil {
		fatal("commit: %v", err)
	}
}
