// Package pgxv4 holds the transactions of pgx v4, and its BeginFunc
// methods, which end the transaction they begin.
package pgxv4

import (
	"context"

	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgxpool"
)

// The error branch returns without a rollback.
func rename(ctx context.Context, pool *pgxpool.Pool, id int64, name string) error {
	tx, err := pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: "serializable"}) // want `^transaction tx from pool\.BeginTx is not committed or rolled back on the path that returns at pgxv4\.go:19; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// The clean twin.
func renameSafe(ctx context.Context, conn *pgxpool.Conn, id int64, name string) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// BeginFunc commits or rolls back for its caller.
func renameFunc(ctx context.Context, pool *pgxpool.Pool, id int64, name string) error {
	return pool.BeginFunc(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id)
		return err
	})
}

// A savepoint through the pgx.Tx interface, left open on the error path.
func savepoint(ctx context.Context, tx pgx.Tx) error {
	sp, err := tx.Begin(ctx) // want `^transaction sp from tx\.Begin is not committed or rolled back on the path that returns at pgxv4\.go:52; defer sp\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if _, err := sp.Exec(ctx, "DELETE FROM items"); err != nil {
		return err
	}
	return sp.Commit(ctx)
}
