// Package sqlx holds nested acquisitions on an *sqlx.DB, including
// through the *sql.DB it embeds.
package sqlx

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type user struct{ ID int64 }

// Get on the DB while its transaction is open.
func promote(ctx context.Context, db *sqlx.DB, id int64) error {
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var u user
	if err := db.GetContext(ctx, &u, "SELECT id FROM users WHERE id = $1", id); err != nil { // want `^db\.GetContext takes a second connection from the pool while transaction tx from db\.BeginTxx \(sqlx\.go:15\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; run it on tx, or end tx first$`
		return err
	}
	if _, err := db.ExecContext(ctx, "UPDATE users SET admin = true WHERE id = $1", u.ID); err != nil { // want `^db\.ExecContext takes a second connection from the pool while transaction tx from db\.BeginTxx \(sqlx\.go:15\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; run it on tx, or end tx first$`
		return err
	}
	return tx.Commit()
}

// The clean twin: Get on the transaction.
func promoteInTx(ctx context.Context, db *sqlx.DB, id int64) error {
	tx := db.MustBeginTx(ctx, nil)
	defer tx.Rollback()
	var u user
	if err := tx.GetContext(ctx, &u, "SELECT id FROM users WHERE id = $1", id); err != nil {
		return err
	}
	if err := sqlx.Get(tx, &u, "SELECT id FROM users WHERE id = $1", id); err != nil {
		return err
	}
	return tx.Commit()
}

// The package function Select, given the DB, while a connection of it
// is held.
func selectAll(ctx context.Context, db *sqlx.DB) ([]user, error) {
	conn, err := db.Connx(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var out []user
	err = sqlx.Select(db, &out, "SELECT id FROM users") // want `^sqlx\.Select takes a second connection from the pool while connection conn from db\.Connx \(sqlx\.go:47\) holds one: with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; use conn instead, or release it first$`
	return out, err
}
