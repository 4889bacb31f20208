// Package txrowsrollback holds the corpus's false alarm on database/sql
// rows of a transaction (issue 11, item 3): rows left open only on a
// return where the transaction's deferred Rollback runs. Rollback cancels
// the transaction's context, which closes its rows; nothing stays held.
//
// Found in github.com/cschleiden/go-workflows@v1.2.0
// backend/mysql/stats.go:43 and :74, backend/sqlite/stats.go:41 and :74.
package txrowsrollback

import (
	"context"
	"database/sql"
)

// Clean: go-workflows' GetStats: a read-only transaction rolled back by
// defer, its rows not closed when Scan fails.
func stats(ctx context.Context, db *sql.DB) (map[string]int64, error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelReadCommitted})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	rows, err := tx.QueryContext(ctx, "SELECT queue, COUNT(*) FROM activities GROUP BY queue")
	if err != nil {
		return nil, err
	}
	counts := map[string]int64{}
	for rows.Next() {
		var queue string
		var n int64
		if err := rows.Scan(&queue, &n); err != nil {
			return nil, err
		}
		counts[queue] = n
	}
	return counts, nil
}

// Leaking twin: the rows of the first query are still open while the
// transaction goes on being used.
func statsThenWrite(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	rows, err := tx.QueryContext(ctx, "SELECT queue FROM activities") // want `rows from tx\.QueryContext is not closed`
	if err != nil {
		return err
	}
	for rows.Next() {
		var queue string
		if err := rows.Scan(&queue); err != nil {
			break
		}
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM activities"); err != nil {
		return err
	}
	return tx.Commit()
}
