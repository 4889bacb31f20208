// Package deferloop: a release deferred in a loop gets no fix: the
// loop body belongs in a function of its own, a change a person makes.
package deferloop

import (
	"context"
	"database/sql"
)

func perID(ctx context.Context, db *sql.DB, ids []int64) error {
	for _, id := range ids {
		rows, err := db.QueryContext(ctx, "SELECT 1 WHERE $1 > 0", id)
		if err != nil {
			return err
		}
		defer rows.Close() // want `rows\.Close`
	}
	return nil
}
