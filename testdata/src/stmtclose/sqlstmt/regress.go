// Regression cases: each was an engine bug found while writing the tests
// of this check. The comment above each case says what the engine did
// before the fix ("Actual", "actual") and what it must do.
//
//
package sqlstmt

import (
	"context"
	"database/sql"
)

// Bug: a statement discarded with the blank identifier in a tuple
// assignment (the same root cause as rowsclose's _, err := db.Query).
// Expected: "statement from db.PrepareContext is not closed: the result is
// discarded".
// Actual: "statement from db.PrepareContext is not closed on the path that
// returns at regress.go:21; defer stmt.Close() after the error check".
func checkSyntax(ctx context.Context, db *sql.DB, query string) error {
	_, err := db.PrepareContext(ctx, query) // want `statement from db\.PrepareContext is not closed: the result is discarded`
	return err
}
