// Package txend holds the transactions that -fix ends: defer
// tx.Rollback(ctx) after Begin's error check for pgx, defer
// tx.Rollback() for database/sql; Rollback is a no-op after Commit
// (pgx.go.golden, sql.go.golden).
package txend

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var errInsufficient = errors.New("insufficient funds")

func debit(ctx context.Context, tx pgx.Tx, account, cents int64) error {
	_, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", cents, account)
	return err
}

func transfer(ctx context.Context, pool *pgxpool.Pool, from, to, cents int64) error {
	tx, err := pool.Begin(ctx) // want `transaction tx from pool\.Begin is not committed or rolled back on the path that returns`
	if err != nil {
		return err
	}
	var balance int64
	if err := tx.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", from).Scan(&balance); err != nil {
		return err
	}
	if balance < cents {
		return errInsufficient
	}
	if err := debit(ctx, tx, from, cents); err != nil {
		return err
	}
	if err := debit(ctx, tx, to, -cents); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// BeginTx on a connection.
func audit(ctx context.Context, conn *pgx.Conn, skip bool) error {
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{}) // want `transaction tx from conn\.BeginTx is not committed or rolled back on the path that returns`
	if err != nil {
		return err
	}
	if skip {
		return nil
	}
	if err := auditStep(ctx, tx); err != nil {
		tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// A savepoint (Begin on a transaction) on a borrowed transaction.
func auditStep(ctx context.Context, tx pgx.Tx) error {
	sp, err := tx.Begin(ctx) // want `transaction sp from tx\.Begin is not committed or rolled back on the path that returns`
	if err != nil {
		return err
	}
	if _, err := sp.Exec(ctx, "INSERT INTO audit DEFAULT VALUES"); err != nil {
		return err
	}
	return sp.Commit(ctx)
}
