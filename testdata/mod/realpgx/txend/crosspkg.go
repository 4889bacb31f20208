// Cross-package cases: the helpers of package ownership, through their
// facts, decide what the caller still owes.

package txend

import (
	"context"
	"database/sql"

	"example.com/realpgx/ownership"
)

// A helper that begins a transaction hands it to its caller, who must
// end it on every path.
func renameVia(ctx context.Context, db *sql.DB, id int64, name string) error {
	tx, err := ownership.Begin(ctx, db) // want `^transaction tx from ownership\.Begin is not committed or rolled back on the path that returns at crosspkg\.go:21; `
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id); err != nil {
		return err
	}
	return tx.Commit()
}

// ownership.Finish ends it on every path.
func renameFinished(ctx context.Context, db *sql.DB, id int64, name string) error {
	tx, err := ownership.Begin(ctx, db)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id)
	return ownership.Finish(tx, err)
}
