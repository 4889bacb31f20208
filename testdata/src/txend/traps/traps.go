// Package traps holds the pgx v5.12.0 trap of a transaction still open
// when its pooled connection is released: (*pgxpool.Conn).Release
// destroys a connection whose TxStatus is not idle instead of returning
// it to the pool, so every such path costs the pool a connection and a
// new one must be dialed. txend reports the transaction on that path.
package traps

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// The connection's release is deferred, the transaction is left open
// when the update fails.
func archive(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	tx, err := conn.Begin(ctx) // want `^transaction tx from conn\.Begin is not committed or rolled back on the path that returns at traps\.go:27; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE items SET archived = true WHERE id = $1", id); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// The clean twin: the rollback is deferred after the release, so it
// runs first, and the connection goes back to the pool idle.
func archiveSafe(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "UPDATE items SET archived = true WHERE id = $1", id); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
