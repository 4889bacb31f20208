// Package sqlx holds the rows of github.com/jmoiron/sqlx's QueryRowx:
// *sqlx.Row keeps the *sql.Rows of its query open until Scan,
// StructScan, MapScan or SliceScan closes them.
package sqlx

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type user struct {
	ID   int64
	Name string
}

// The row is never scanned when the id is zero.
func find(ctx context.Context, db *sqlx.DB, id int64) (user, error) {
	var u user
	row := db.QueryRowxContext(ctx, "SELECT id, name FROM users WHERE id = $1", id) // want `^row from db\.QueryRowxContext is not scanned on the path that returns at sqlx\.go:22; call row\.Scan or StructScan, or use Exec if no row is wanted$`
	if id == 0 {
		return u, nil
	}
	err := row.StructScan(&u)
	return u, err
}

// The clean twin: StructScan closes the rows on every path.
func findScanned(ctx context.Context, db *sqlx.DB, id int64) (user, error) {
	var u user
	err := db.QueryRowxContext(ctx, "SELECT id, name FROM users WHERE id = $1", id).StructScan(&u)
	return u, err
}

// A failed query leaves nothing open: Err is non-nil exactly then.
func findErrChecked(tx *sqlx.Tx, id int64) (map[string]any, error) {
	row := tx.QueryRowx("SELECT * FROM users WHERE id = $1", id)
	if err := row.Err(); err != nil {
		return nil, err
	}
	m := map[string]any{}
	return m, row.MapScan(m)
}

// A named statement's QueryRow, checked for Err and then dropped.
func named(stmt *sqlx.NamedStmt, arg any) error {
	row := stmt.QueryRow(arg) // want `^row from stmt\.QueryRow is not scanned on the path that returns at sqlx\.go:51; call row\.Scan or StructScan, or use Exec if no row is wanted$`
	if err := row.Err(); err != nil {
		return err
	}
	return nil
}

// SliceScan closes the rows too.
func sliced(db *sqlx.DB) ([]any, error) {
	return db.QueryRowx("SELECT 1, 2").SliceScan()
}
