// Package rowsclose holds the rows that -fix closes: each leak below is
// an acquisition, an exact error check, and returns only, so the fix
// defers Close right after the check (fix.go.golden).
package rowsclose

import (
	"context"
	"database/sql"
	"errors"
	"log"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var errEmpty = errors.New("empty")

// pgx rows: a Scan error closes them, an early return does not.
func firstNames(ctx context.Context, pool *pgxpool.Pool, limit int) ([]string, error) {
	rows, err := pool.Query(ctx, "SELECT name FROM users") // want `rows from pool\.Query is not closed on the path that returns`
	if err != nil {
		return nil, err
	}
	if limit == 0 {
		return nil, errEmpty
	}
	var names []string
	for rows.Next() && len(names) < limit {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// database/sql rows, assigned with = to a variable declared before; a
// failed Scan leaves them open. The trailing comment stays in place.
func emails(ctx context.Context, db *sql.DB) ([]string, error) {
	var rows *sql.Rows
	var err error
	rows, err = db.QueryContext(ctx, "SELECT email FROM users") // want `rows from db\.QueryContext is not closed on the path that returns`
	if err != nil {
		return nil, err
	} // the query failed
	var out []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// The error check ends in a call that never returns; the rows are read
// by a pgx helper on one path and left open on the other.
func mustIDs(ctx context.Context, conn *pgx.Conn, all bool) []int64 {
	rows, err := conn.Query(ctx, "SELECT id FROM users") // want `rows from conn\.Query is not closed on the path that returns`
	if err != nil {
		log.Fatal(err)
	}
	if !all {
		return nil
	}
	ids, _ := pgx.CollectRows(rows, pgx.RowTo[int64])
	return ids
}

// In a closure, inside a switch case: the defer belongs to the closure.
func inClosure(db *sql.DB, kind string) func() error {
	return func() error {
		switch kind {
		case "users":
			rows, err := db.Query("SELECT 1") // want `rows from db\.Query is not closed on the path that returns`
			if err != nil {
				return err
			}
			if !rows.Next() {
				return errEmpty
			}
			return nil
		}
		return nil
	}
}
