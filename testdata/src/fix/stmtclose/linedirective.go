package stmtclose

import (
	"context"
	"database/sql"
)

// Generated code renumbers its lines with //line directives, here past
// the end of the file: the fix must still be placed by the bytes.
//
//line linedirective.go:100
func insertOne(ctx context.Context, db *sql.DB, name string) error {
	stmt, err := db.PrepareContext(ctx, "INSERT INTO users (name) VALUES ($1)") // want `statement stmt from db\.PrepareContext is not closed on the path that returns at linedirective\.go:106`
	if err != nil {
		return err
	}
	if _, err := stmt.ExecContext(ctx, name); err != nil {
		return err
	}
	return stmt.Close()
}
