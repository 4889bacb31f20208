// Package rowserrfirst holds the corpus's false alarm on rows.Err()
// checked before the first Next: database/sql sets the error of rows
// before Next only when it closes them (the query's context was
// cancelled), so on the edge where Err() is non-nil nothing is held.
//
// Found in github.com/tmc/langchaingo@v0.1.14
// tools/sqldatabase/{mysql/mysql.go:45,postgresql/postgresql.go:52,sqlite3/sqlite3.go:44}.
package rowserrfirst

import (
	"context"
	"database/sql"
)

// Clean: langchaingo's sqldatabase Query.
func query(ctx context.Context, db *sql.DB, q string) ([]string, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	defer rows.Close()
	return rows.Columns()
}

// Leaking twin: the error is checked after a Next that may stop early,
// and the rows are not closed on that return.
func firstColumn(ctx context.Context, db *sql.DB, q string) (string, error) {
	rows, err := db.QueryContext(ctx, q) // want `rows from db\.QueryContext is not closed`
	if err != nil {
		return "", err
	}
	var s string
	if rows.Next() {
		if err := rows.Scan(&s); err != nil {
			return "", err
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return s, rows.Close()
}
