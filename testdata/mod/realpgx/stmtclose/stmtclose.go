// Package stmtclose holds stmtclose cases against the real
// database/sql, with the pgx driver registered: each leak has a clean
// twin below it.
package stmtclose

import (
	"context"
	"database/sql"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

func open() (*sql.DB, error) { return sql.Open("pgx", "postgres://localhost/app") }

// The statement is closed only when every insert succeeds.
func insertAll(ctx context.Context, db *sql.DB, names []string) error {
	stmt, err := db.PrepareContext(ctx, "INSERT INTO users (name) VALUES ($1)") // want `^statement stmt from db\.PrepareContext is not closed on the path that returns at stmtclose\.go:23; defer stmt\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := stmt.ExecContext(ctx, n); err != nil {
			return err
		}
	}
	return stmt.Close()
}

// Clean twin: defer stmt.Close().
func insertAllDefer(ctx context.Context, db *sql.DB, names []string) error {
	stmt, err := db.PrepareContext(ctx, "INSERT INTO users (name) VALUES ($1)")
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

// Clean: a statement prepared in a transaction closes with it.
func insertAllTx(ctx context.Context, db *sql.DB, names []string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO users (name) VALUES ($1)")
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := stmt.ExecContext(ctx, n); err != nil {
			return err
		}
	}
	return tx.Commit()
}
