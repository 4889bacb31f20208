// Package historical holds leaks fixed in public repositories, in the
// shape they had before the fix.
package historical

import (
	"context"
	"database/sql"
	"errors"
)

var errNotFound = errors.New("not found")

// rowCount reads the first row and forgets the rows: the shape of the
// fix that added "defer rows.Close()" to a getRowCount (xataio/pgroll
// #614, where the helper lived in the same package).
func rowCount(ctx context.Context, db *sql.DB, table string) (int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT count(*) FROM "+table) // want `^rows from db\.QueryContext is not closed on the path that returns at firstrow\.go:21; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return 0, err
	}
	return scanFirst(rows)
}

// scanFirst scans the first row, without closing the rows.
func scanFirst(rows *sql.Rows) (int64, error) {
	if !rows.Next() {
		return 0, errNotFound
	}
	var n int64
	err := rows.Scan(&n)
	return n, err
}

// A utility that iterated the rows had closed them (Next false) until an
// early return while iterating leaked them (the shape of
// mattermost-community/focalboard#679).
func names(ctx context.Context, db *sql.DB, limit int) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users") // want `^rows from db\.QueryContext is not closed on the path that returns at firstrow\.go:46 \(and 1 other exit\); defer rows\.Close\(\) after the error check$`
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
		if len(out) == limit {
			break
		}
	}
	return out, rows.Err()
}
