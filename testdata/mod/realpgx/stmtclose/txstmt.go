package stmtclose

import (
	"context"
	"database/sql"
)

// Tx.StmtContext returns the transaction's copy; the DB-level statement
// it is handed is still open when its variable is overwritten.
func insertNamesViaTx(ctx context.Context, db *sql.DB, tx *sql.Tx, names []string) error {
	stmt, err := db.PrepareContext(ctx, "INSERT INTO t (name) VALUES ($1)") // want `^statement stmt from db\.PrepareContext is not closed on the path that returns at txstmt\.go:18 \(and 1 other exit\); defer stmt\.Close\(\) after the error check$`
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

// Clean twin: the DB-level statement is closed; the copy closes with
// the transaction.
func insertNamesViaTxClosed(ctx context.Context, db *sql.DB, tx *sql.Tx, names []string) error {
	stmt, err := db.PrepareContext(ctx, "INSERT INTO t (name) VALUES ($1)")
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

// A statement prepared on the transaction closes with it.
func insertNamesPreparedOnTx(ctx context.Context, tx *sql.Tx, names []string) error {
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO t (name) VALUES ($1)")
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
