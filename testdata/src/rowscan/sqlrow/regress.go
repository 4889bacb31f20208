// Regression cases: each was an engine bug found while writing the tests
// of this check. The comment above each case says what the engine did
// before the fix ("Actual", "actual") and what it must do.
//
//
package sqlrow

import (
	"context"
	"database/sql"
)

// Fixed bug (false positive): Row.Err returns the query's error. When it is
// non-nil, QueryRowContext built the Row with nil rows: nothing is held,
// and Scan would only return the same error. The engine has no branch
// fact for row.Err() != nil.
// Expected: no diagnostic.
// Actual: "row from db.QueryRowContext is not scanned on the path that
// returns at regress.go:23; call row.Scan, or use Exec if no row is wanted".
func userName(ctx context.Context, db *sql.DB, id int64) (string, error) {
	row := db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", id) // ok
	if err := row.Err(); err != nil {
		return "", err
	}
	var name string
	err := row.Scan(&name)
	return name, err
}
