// Package txend holds txend cases against the real pgx v5, pgxpool and
// database/sql: each leak has a clean twin below it.
package txend

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var errInsufficientFunds = errors.New("insufficient funds")

// "Insufficient funds" returns with the transaction open.
func transfer(ctx context.Context, pool *pgxpool.Pool, from, to, cents int64) error {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at txend\.go:28; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	var balance int64
	if err := tx.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", from).Scan(&balance); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	if balance < cents {
		return errInsufficientFunds
	}
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", cents, from); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", cents, to); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// Clean twin: defer tx.Rollback(ctx), Commit at the end.
func transferDefer(ctx context.Context, pool *pgxpool.Pool, from, to, cents int64) error {
	tx, err := pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable})
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	var balance int64
	if err := tx.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", from).Scan(&balance); err != nil {
		return err
	}
	if balance < cents {
		return errInsufficientFunds
	}
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", cents, from); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", cents, to); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Clean twin: pgx.BeginFunc commits or rolls back.
func transferFunc(ctx context.Context, pool *pgxpool.Pool, from, to, cents int64) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", cents, from); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", cents, to)
		return err
	})
}

// A database/sql transaction left open when the insert fails.
func insert(ctx context.Context, db *sql.DB, name string) error {
	tx, err := db.BeginTx(ctx, nil) // want `^transaction tx from db\.BeginTx is not committed or rolled back on the path that returns at txend\.go:82; defer tx\.Rollback\(\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", name); err != nil {
		return err
	}
	return tx.Commit()
}

// Clean twin: defer tx.Rollback().
func insertDefer(ctx context.Context, db *sql.DB, name string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", name); err != nil {
		return err
	}
	return tx.Commit()
}

// A savepoint (a pgx.Tx begun on a pgx.Tx) of a borrowed transaction,
// left open when its Exec fails: the caller cannot end it.
func withSavepoint(ctx context.Context, tx pgx.Tx) error {
	sp, err := tx.Begin(ctx) // want `^transaction sp from tx\.Begin is not committed or rolled back on the path that returns at txend\.go:108; defer sp\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if _, err := sp.Exec(ctx, "UPDATE accounts SET frozen = true"); err != nil {
		return err
	}
	return sp.Commit(ctx)
}

// Clean twin: the savepoint is left open when its Exec fails, but it
// ends with its parent, whose Rollback is deferred.
func withSavepointUnderParent(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	sp, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := sp.Exec(ctx, "UPDATE accounts SET frozen = true"); err != nil {
		return err
	}
	if err := sp.Commit(ctx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Clean twin: the savepoint is rolled back by its own defer.
func withSavepointDefer(ctx context.Context, pool *pgxpool.Pool) error {
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
	if _, err := sp.Exec(ctx, "UPDATE accounts SET frozen = true"); err != nil {
		return err
	}
	if err := sp.Commit(ctx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Clean: pgx.BeginTxFunc on a *pgx.Conn.
func touch(ctx context.Context, conn *pgx.Conn) error {
	return pgx.BeginTxFunc(ctx, conn, pgx.TxOptions{AccessMode: pgx.ReadWrite}, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "UPDATE users SET seen = now()")
		return err
	})
}

// Clean: the commit-or-rollback closure of database/sql.
func insertNamed(ctx context.Context, db *sql.DB, name string) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
			return
		}
		err = tx.Commit()
	}()
	_, err = tx.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", name)
	return err
}
