// Package sqlx holds the statements of github.com/jmoiron/sqlx: *sqlx.Stmt
// embeds *sql.Stmt; *sqlx.NamedStmt has its own Close. Statements
// prepared on a transaction close with it.
package sqlx

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// The statement is not closed when the first insert fails.
func insertAll(db *sqlx.DB, names []string) error {
	stmt, err := db.Preparex("INSERT INTO users (name) VALUES ($1)") // want `^statement stmt from db\.Preparex is not closed on the path that returns at sqlx\.go:20; defer stmt\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := stmt.Exec(n); err != nil {
			return err
		}
	}
	return stmt.Close()
}

// The clean twin, with the package function.
func insertAllClosed(ctx context.Context, db *sqlx.DB, names []string) error {
	stmt, err := sqlx.PreparexContext(ctx, db, "INSERT INTO users (name) VALUES ($1)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, n := range names {
		if _, err := stmt.ExecContext(ctx, n); err != nil {
			return err
		}
	}
	return nil
}

// A named statement left open on the early return.
func named(ctx context.Context, db *sqlx.DB, arg any) error {
	stmt, err := db.PrepareNamedContext(ctx, "SELECT * FROM users WHERE name = :name") // want `^statement stmt from db\.PrepareNamedContext is not closed on the path that returns at sqlx\.go:48; defer stmt\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	if arg == nil {
		return nil
	}
	defer stmt.Close()
	_, err = stmt.Exec(arg)
	return err
}

// Statements prepared on a transaction close with it: no obligation,
// whether through the method or the package function.
func onTx(tx *sqlx.Tx) error {
	stmt, err := tx.Preparex("SELECT 1")
	if err != nil {
		return err
	}
	other, err := sqlx.Preparex(tx, "SELECT 2")
	if err != nil {
		return err
	}
	named, err := tx.PrepareNamed("SELECT :x")
	if err != nil {
		return err
	}
	_, _ = stmt.Exec()
	_, _ = other.Exec()
	_, err = named.Exec(map[string]any{"x": 1})
	return err
}

// Prepared on a value whose dynamic type is unknown (a transaction, or
// not): silent.
func onPreparer(p sqlx.Preparer) error {
	stmt, err := sqlx.Preparex(p, "SELECT 1")
	if err != nil {
		return err
	}
	_, err = stmt.Exec()
	return err
}

// Unsafe returns a copy over the same statement: closing the copy
// closes it, and the copy is nothing more to close.
func unsafeCopy(db *sqlx.DB, names []string) error {
	stmt, err := db.PrepareNamed("INSERT INTO users (name) VALUES (:name)")
	if err != nil {
		return err
	}
	u := stmt.Unsafe()
	defer u.Close()
	for _, n := range names {
		if _, err := u.Exec(map[string]any{"name": n}); err != nil {
			return err
		}
	}
	return nil
}
