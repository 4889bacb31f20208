// Package txstmt: Tx.Stmt and Tx.StmtContext return a transaction-bound
// copy of a statement; the statement they are handed is still the
// caller's to close.
package txstmt

import (
	"context"
	"database/sql"
)

// The DB-level statement is lost when its variable is overwritten by
// the transaction's copy.
func insertAll(ctx context.Context, db *sql.DB, tx *sql.Tx, names []string) error {
	stmt, err := db.PrepareContext(ctx, "INSERT INTO t (name) VALUES ($1)") // want `statement stmt from db.PrepareContext is not closed on the path that returns at txstmt.go:21`
	if err != nil {
		return err
	}
	stmt = tx.StmtContext(ctx, stmt)
	for _, n := range names {
		if _, err := stmt.ExecContext(ctx, n); err != nil {
			return err
		}
	}
	return nil
}

// The clean twin: the DB-level statement is closed; the copy closes with
// the transaction.
func insertAllClosed(ctx context.Context, db *sql.DB, tx *sql.Tx, names []string) error {
	stmt, err := db.PrepareContext(ctx, "INSERT INTO t (name) VALUES ($1)") // ok
	if err != nil {
		return err
	}
	defer stmt.Close()
	txStmt := tx.StmtContext(ctx, stmt)
	for _, n := range names {
		if _, err := txStmt.ExecContext(ctx, n); err != nil {
			return err
		}
	}
	return nil
}

// A statement prepared on the transaction itself closes with it.
func insertPrepared(ctx context.Context, tx *sql.Tx, names []string) error {
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO t (name) VALUES ($1)") // ok
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := stmt.ExecContext(ctx, n); err != nil {
			return err
		}
	}
	return nil
}

// Tx.Stmt, the same contract.
func insertOne(db *sql.DB, tx *sql.Tx, name string) error {
	stmt, err := db.Prepare("INSERT INTO t (name) VALUES ($1)") // want `statement stmt from db.Prepare is not closed`
	if err != nil {
		return err
	}
	_, err = tx.Stmt(stmt).Exec(name)
	return err
}
