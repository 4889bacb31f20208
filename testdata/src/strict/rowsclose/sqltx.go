package rowsclose

import (
	"context"
	"database/sql"
)

// In strict mode, rows that only the transaction's end closes are
// reported as hygiene.
func firstIDInTx(ctx context.Context, db *sql.DB) (int64, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT id FROM users") // want `rows from tx.QueryContext is not closed on the path that returns at sqltx.go:23`
	if err != nil {
		return 0, err
	}
	var id int64
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
	}
	return id, tx.Commit()
}
