// Package ownership holds repository helpers written against the real
// pgx v5, pgxpool and database/sql: the ownership analyzer exports a
// fact for each helper that releases, borrows or returns a resource,
// and the checks use them in packages rowsclose and txend.
package ownership

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// CloseQuietly releases its rows.
func CloseQuietly(rows pgx.Rows) { // want CloseQuietly:`^ownership releases\(0\)$`
	rows.Close()
}

// FirstName reads one row and leaves the rows open.
func FirstName(rows pgx.Rows) (string, error) { // want FirstName:`^ownership borrows\(0\)$`
	var name string
	if !rows.Next() {
		return "", rows.Err()
	}
	err := rows.Scan(&name)
	return name, err
}

// Active returns rows its caller must close.
func Active(ctx context.Context, pool *pgxpool.Pool) (pgx.Rows, error) { // want Active:`^ownership returns\(0 github.com/jackc/pgx/v5.Rows\) pools\(1\)$`
	return pool.Query(ctx, "SELECT name FROM users WHERE active")
}

// Begin returns a transaction its caller must end.
func Begin(ctx context.Context, db *sql.DB) (*sql.Tx, error) { // want Begin:`^ownership returns\(0 \*database/sql.Tx\) pools\(1\)$`
	return db.BeginTx(ctx, nil)
}

// Finish commits on success and rolls back otherwise.
func Finish(tx *sql.Tx, err error) error { // want Finish:`^ownership releases\(0\)$`
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}
