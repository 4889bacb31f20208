// Package scandb is the shape of a repository's database helpers
// (xataio/pgroll's pkg/db): an interface over *sql.DB and a generic
// helper that scans the first value without closing the rows.
package scandb

import (
	"context"
	"database/sql"
)

// DB is the connection the migrations run on.
type DB interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// ScanFirstValue scans the first value of rows that hold one row with
// one value. It drains the rows only when there is no row: the caller
// still owns them.
func ScanFirstValue[T any](rows *sql.Rows, dest *T) error {
	if rows.Next() {
		if err := rows.Scan(dest); err != nil {
			return err
		}
	}
	return rows.Err()
}
