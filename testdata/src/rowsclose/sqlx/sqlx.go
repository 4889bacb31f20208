// Package sqlx holds the rows of github.com/jmoiron/sqlx: *sqlx.Rows from
// Queryx and NamedQuery, and the *sql.Rows that sqlx values return
// through database/sql's methods they embed.
package sqlx

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type user struct {
	ID   int64
	Name string
}

// Queryx on a *sqlx.DB: rows.StructScan only scans, so the early
// return leaks the rows.
func activeUsers(ctx context.Context, db *sqlx.DB) ([]user, error) {
	rows, err := db.QueryxContext(ctx, "SELECT id, name FROM users WHERE active") // want `^rows from db\.QueryxContext is not closed on the path that returns at sqlx\.go:28; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return nil, err
	}
	var out []user
	for rows.Next() {
		var u user
		if err := rows.StructScan(&u); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// The clean twin: Close, promoted from the embedded *sql.Rows, is
// deferred after the error check.
func activeUsersClosed(ctx context.Context, db *sqlx.DB) ([]user, error) {
	rows, err := db.QueryxContext(ctx, "SELECT id, name FROM users WHERE active")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []user
	for rows.Next() {
		var u user
		if err := rows.StructScan(&u); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Draining the rows closes them: Next returning false is promoted from
// *sql.Rows.
func drained(db *sqlx.DB) (n int, err error) {
	rows, err := db.Queryx("SELECT 1")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// NamedQuery on a transaction, and a return before the rows are closed.
func named(tx *sqlx.Tx, arg map[string]any) error {
	rows, err := tx.NamedQuery("SELECT * FROM users WHERE name = :name", arg) // want `^rows from tx\.NamedQuery is not closed on the path that returns at sqlx\.go:74; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	if len(arg) == 0 {
		return nil
	}
	return rows.Close()
}

// The package function NamedQueryContext.
func namedFunc(ctx context.Context, db *sqlx.DB, arg any) (bool, error) {
	rows, err := sqlx.NamedQueryContext(ctx, db, "SELECT 1 WHERE :x", arg) // want `^rows from sqlx\.NamedQueryContext is not closed on the path that returns at sqlx\.go:85; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return false, err
	}
	return rows != nil, nil
}

// Query reached through the *sql.DB that *sqlx.DB embeds returns
// *sql.Rows, which must be closed too.
func embeddedQuery(ctx context.Context, db *sqlx.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `^rows from db\.QueryContext is not closed on the path that returns at sqlx\.go:95; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	return rows.Err()
}

// Select and Get close the rows they open: nothing to report.
func selectAndGet(ctx context.Context, db *sqlx.DB) (user, []user, error) {
	var one user
	if err := db.GetContext(ctx, &one, "SELECT id, name FROM users LIMIT 1"); err != nil {
		return one, nil, err
	}
	var all []user
	err := sqlx.Select(db, &all, "SELECT id, name FROM users")
	return one, all, err
}

// Rows from a prepared statement and from a named statement.
func fromStmts(stmt *sqlx.Stmt, named *sqlx.NamedStmt) error {
	rows, err := stmt.Queryx(1) // want `^rows from stmt\.Queryx is not closed on the path that returns at sqlx\.go:117; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	raw, err := named.Query(map[string]any{"id": 1}) // want `^rows raw from named\.Query is not closed on the path that returns at sqlx\.go:120; defer raw\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	rows.Close()
	return raw.Err()
}

// Closing through the embedded field by name, and through an interface
// holding the rows.
func explicitField(db *sqlx.DB) error {
	rows, err := db.Queryx("SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Rows.Close()
	return nil
}

// Queryx through sqlx's Queryer interface acquires too.
func viaQueryer(q sqlx.Queryer) error {
	rows, err := q.Queryx("SELECT 1") // want `^rows from q\.Queryx is not closed on the path that returns at sqlx\.go:140; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	return rows.Err()
}
