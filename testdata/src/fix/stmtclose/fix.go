// Package stmtclose holds the statement that -fix closes
// (fix.go.golden).
package stmtclose

import (
	"context"
	"database/sql"
)

func insertAll(ctx context.Context, db *sql.DB, names []string) error {
	stmt, err := db.PrepareContext(ctx, "INSERT INTO users (name) VALUES ($1)") // want `statement stmt from db\.PrepareContext is not closed on the path that returns`
	if err != nil {
		return err
	}
	for _, name := range names {
		if _, err := stmt.ExecContext(ctx, name); err != nil {
			return err
		}
	}
	return stmt.Close()
}
