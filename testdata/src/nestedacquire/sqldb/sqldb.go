// Package sqldb holds nested acquisitions on a *sql.DB: a *sql.Tx or
// *sql.Conn is open, and the same DB is asked for another connection.
package sqldb

import (
	"context"
	"database/sql"
)

type Repo struct{ db *sql.DB }

// The audit insert goes to the DB, not to the open transaction.
func (r *Repo) rename(ctx context.Context, id int64, name string) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id); err != nil {
		return err
	}
	if _, err := r.db.ExecContext(ctx, "INSERT INTO audit (user_id) VALUES ($1)", id); err != nil { // want `^r\.db\.ExecContext takes a second connection from the pool while transaction tx from r\.db\.BeginTx \(sqldb\.go:14\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; run it on tx, or end tx first$`
		return err
	}
	return tx.Commit()
}

// The clean twin: the insert runs in the transaction.
func (r *Repo) renameInTx(ctx context.Context, id int64, name string) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO audit (user_id) VALUES ($1)", id); err != nil {
		return err
	}
	return tx.Commit()
}

// A dedicated connection is open while the DB is queried.
func pinned(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `^db\.QueryContext takes a second connection from the pool while connection conn from db\.Conn \(sqldb\.go:46\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; use conn instead, or release it first$`
	if err != nil {
		return err
	}
	return rows.Close()
}

// The clean twin: committed before the DB is used again.
func committedFirst(ctx context.Context, db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM sessions"); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, "VACUUM")
	return err
}
