// Package local: a helper that begins a transaction hands it to its
// callers, who must end it.
package local

import (
	"context"
	"database/sql"
)

// begin starts a serializable transaction.
func begin(ctx context.Context, db *sql.DB) (*sql.Tx, error) {
	return db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
}

// The error branch of the update returns without a rollback.
func rename(ctx context.Context, db *sql.DB, id int64, name string) error {
	tx, err := begin(ctx, db) // want `^transaction tx from begin is not committed or rolled back on the path that returns at local\.go:22; defer tx\.Rollback\(\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id); err != nil {
		return err
	}
	return tx.Commit()
}

// Rolled back by a defer. // ok
func renameSafe(ctx context.Context, db *sql.DB, id int64, name string) error {
	tx, err := begin(ctx, db)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id); err != nil {
		return err
	}
	return tx.Commit()
}
