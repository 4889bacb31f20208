package stmtclose

import (
	"context"
	"database/sql"
)

// The leaks below get no fix.

// Stored in a map on one path, where someone else closes it, and
// leaked on the other.
func prepareCached(ctx context.Context, db *sql.DB, cache map[string]*sql.Stmt, q string, keep bool) error {
	stmt, err := db.PrepareContext(ctx, q) // want `statement stmt from db\.PrepareContext is not closed on the path that returns`
	if err != nil {
		return err
	}
	if keep {
		cache[q] = stmt
		return nil
	}
	return nil
}

// The error is discarded: there is no error check to defer after.
func prepareBlind(db *sql.DB, names []string) error {
	stmt, _ := db.Prepare("INSERT INTO users (name) VALUES ($1)") // want `statement stmt from db\.Prepare is not closed on the path that returns`
	for _, name := range names {
		if _, err := stmt.Exec(name); err != nil {
			return err
		}
	}
	return stmt.Close()
}
