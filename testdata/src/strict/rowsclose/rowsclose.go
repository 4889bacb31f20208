// Package rowsclose holds the cases of rowsclose's strict mode.
package rowsclose

import (
	"context"
	"database/sql"
)

type Scanner interface {
	ScanAll(rows *sql.Rows) ([]string, error)
}

// The rows go to an interface method that only reads them; nobody
// closes them.
func names(ctx context.Context, db *sql.DB, s Scanner) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users") // want `^rows from db\.QueryContext is not closed on the path that returns at rowsclose\.go:20; defer rows\.Close\(\) after the error check \(assuming an interface method borrows it\)$`
	if err != nil {
		return nil, err
	}
	return s.ScanAll(rows)
}

// Closed by a defer. // ok
func namesClosed(ctx context.Context, db *sql.DB, s Scanner) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return s.ScanAll(rows)
}
