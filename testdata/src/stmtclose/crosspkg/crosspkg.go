// Package crosspkg hands collections of statements to ownership/helpers,
// whose ownership facts say which function releases their elements.
package crosspkg

import (
	"context"
	"database/sql"

	"ownership/helpers"
)

// Clean: the helper of another package closes the collected statements
// on the error path and at the end.
func runAll(ctx context.Context, db *sql.DB, queries []string) error {
	var stmts []*sql.Stmt
	for _, q := range queries {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			helpers.CloseStatements(stmts)
			return err
		}
		stmts = append(stmts, st)
	}
	defer helpers.CloseStatements(stmts)
	for _, st := range stmts {
		if _, err := st.ExecContext(ctx); err != nil {
			return err
		}
	}
	return nil
}

// The helper closes them at the end only: a later iteration's error
// return leaves the earlier statements open.
func runAllLeak(ctx context.Context, db *sql.DB, queries []string) error {
	var stmts []*sql.Stmt
	for _, q := range queries {
		st, err := db.PrepareContext(ctx, q) // want `^statement st from db\.PrepareContext is not closed on the path that returns at crosspkg\.go:40; it is held in a local slice or map there: release its elements on that path, or in a deferred loop over them$`
		if err != nil {
			return err
		}
		stmts = append(stmts, st)
	}
	helpers.CloseStatements(stmts)
	return nil
}

// A function of another package that only reads the collection says
// nothing of its elements: the map is handed over there, silently.
func count(ctx context.Context, db *sql.DB, queries map[string]string) int {
	byName := map[string]*sql.Stmt{}
	for name, q := range queries {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			continue
		}
		byName[name] = st
	}
	return helpers.CountStatements(byName)
}
