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

// Held in a slice when the second Prepare fails: a deferred Close right
// after the first error check would close the statement the caller gets.
func prepareBoth(db *sql.DB) ([]*sql.Stmt, error) {
	var stmts []*sql.Stmt
	first, err := db.Prepare("SELECT 1") // want `statement first from db\.Prepare is not closed on the path that returns at nofix\.go:\d+; it is held in a local slice or map there`
	if err != nil {
		return nil, err
	}
	stmts = append(stmts, first)
	second, err := db.Prepare("SELECT 2")
	if err != nil {
		return nil, err
	}
	return append(stmts, second), nil
}

// Held in a map when the second Prepare fails.
func prepareNamed(db *sql.DB) (map[string]*sql.Stmt, error) {
	byName := map[string]*sql.Stmt{}
	one, err := db.Prepare("SELECT 1") // want `statement one from db\.Prepare is not closed on the path that returns at nofix\.go:\d+; it is held in a local slice or map there`
	if err != nil {
		return nil, err
	}
	byName["one"] = one
	two, err := db.Prepare("SELECT 2")
	if err != nil {
		return nil, err
	}
	byName["two"] = two
	return byName, nil
}
