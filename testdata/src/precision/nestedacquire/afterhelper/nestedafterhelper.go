// Package nestedafterhelper holds the corpus's nestedacquire false alarm
// on a transaction ended by a same-package helper before the next
// acquisition: rollback calls tx.Rollback, which ends the transaction
// even when it returns an error.
//
// Found in github.com/benbjohnson/litestream@v0.5.18 db.go:2666 and :2717.
package nestedafterhelper

import (
	"context"
	"database/sql"
	"strings"
)

func rollback(tx *sql.Tx) error {
	if err := tx.Rollback(); err != nil && !strings.Contains(err.Error(), "already been committed or rolled back") {
		return err
	}
	return nil
}

// Clean: litestream's checkpoint, the barrier transaction ended before
// the next one begins.
func checkpoint(ctx context.Context, db *sql.DB, passive bool) error {
	var barrierTx *sql.Tx
	var err error
	if passive {
		barrierTx, err = db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer func() {
			if barrierTx != nil {
				_ = rollback(barrierTx)
			}
		}()
	}
	if barrierTx != nil {
		if err = rollback(barrierTx); err != nil {
			return err
		}
		barrierTx = nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = rollback(tx) }()
	return tx.Commit()
}

// Leaking twin: the barrier is still held when the second transaction
// begins.
func checkpointHeld(ctx context.Context, db *sql.DB) error {
	barrierTx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = rollback(barrierTx) }()
	tx, err := db.BeginTx(ctx, nil) // want `db\.BeginTx takes a second connection from the pool while transaction barrierTx`
	if err != nil {
		return err
	}
	defer func() { _ = rollback(tx) }()
	return tx.Commit()
}
