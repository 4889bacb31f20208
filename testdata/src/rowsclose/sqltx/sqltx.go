// Package sqltx holds database/sql rows queried on a transaction: the
// transaction's end closes them, so rows left open at an exit that ends
// the transaction are not leaked (strict mode reports them as hygiene);
// rows left open while the transaction goes on being used are.
package sqltx

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5"
)

// The rollback deferred before the query closes the rows at every exit.
func firstID(ctx context.Context, db *sql.DB) (int64, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT id FROM users") // ok: closed by the deferred Rollback
	if err != nil {
		return 0, err
	}
	var id int64
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
	}
	return id, tx.Commit()
}

// The explicit Commit closes them too.
func countAndCommit(ctx context.Context, db *sql.DB) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	rows, err := tx.QueryContext(ctx, "SELECT 1") // ok: closed by Commit or Rollback on every path
	if err != nil {
		tx.Rollback()
		return 0, err
	}
	n := 0
	if rows.Next() {
		n++
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	return n, nil
}

// Left open while the transaction goes on being used: the next
// statement on the connection fails or waits.
func readThenWrite(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT id FROM users") // want `rows from tx.QueryContext is not closed on the path that returns at sqltx.go:74`
	if err != nil {
		return err
	}
	var id int64
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", id); err != nil {
		return err
	}
	return tx.Commit()
}

// The clean twin: closed before the transaction is used again.
func readCloseWrite(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT id FROM users") // ok
	if err != nil {
		return err
	}
	var id int64
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
	}
	rows.Close()
	if _, err := tx.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", id); err != nil {
		return err
	}
	return tx.Commit()
}

// A query per item on one transaction: the next query uses the
// transaction while the previous rows are open.
func perItem(ctx context.Context, db *sql.DB, ids []int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, id := range ids {
		rows, err := tx.QueryContext(ctx, "SELECT 1 FROM orders WHERE user_id = $1", id) // want `rows from tx.QueryContext is not closed when the loop continues at sqltx.go:118`
		if err != nil {
			return err
		}
		if rows.Next() {
			continue
		}
		rows.Close()
	}
	return tx.Commit()
}

// The transaction is not ended on the path that returns: the rows leak.
func noEnd(ctx context.Context, tx *sql.Tx) (bool, error) {
	rows, err := tx.QueryContext(ctx, "SELECT 1") // want `rows from tx.QueryContext is not closed on the path that returns at sqltx.go:132`
	if err != nil {
		return false, err
	}
	if rows.Next() {
		return true, nil
	}
	return false, nil
}

// pgx's transaction does not close its rows: the connection stays busy
// and Commit fails with "conn busy".
func pgxFirstID(ctx context.Context, conn *pgx.Conn) (int64, error) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(ctx)
	rows, err := tx.Query(ctx, "SELECT id FROM users") // want `rows from tx.Query is not closed on the path that returns at sqltx.go:155`
	if err != nil {
		return 0, err
	}
	var id int64
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
	}
	return id, tx.Commit(ctx)
}
