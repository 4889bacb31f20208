package local

import (
	"context"
	"database/sql"
)

// Correlated conditions: a transaction begun when useTx holds is
// committed when it holds again.
func exec(ctx context.Context, db *sql.DB, q string, useTx bool) error {
	var tx *sql.Tx
	var err error
	if useTx {
		tx, err = db.BeginTx(ctx, nil) // ok
		if err != nil {
			return err
		}
	}
	if _, err := db.ExecContext(ctx, q); err != nil {
		if useTx {
			tx.Rollback()
		}
		return err
	}
	if useTx {
		return tx.Commit()
	}
	return nil
}

// The leaking twin: the error path tests another condition.
func execLeak(ctx context.Context, db *sql.DB, q string, useTx, verbose bool) error {
	var tx *sql.Tx
	var err error
	if useTx {
		tx, err = db.BeginTx(ctx, nil) // want `transaction tx from db.BeginTx is not committed or rolled back on the path that returns at correlated.go:45`
		if err != nil {
			return err
		}
	}
	if _, err := db.ExecContext(ctx, q); err != nil {
		if verbose {
			tx.Rollback()
		}
		return err
	}
	if useTx {
		return tx.Commit()
	}
	return nil
}
