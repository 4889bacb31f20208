// Package panicking holds two leaks: passes/internal/leakflow/panic_test.go
// makes the engine panic on bad, and checks that the leak in good is
// still reported.
package panicking

import (
	"context"
	"database/sql"
)

func good(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `^rows from db\.QueryContext is not closed on the path that returns at panicking\.go:19; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return 0, err
	}
	var n int
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, rows.Close()
}

// panic_test.go makes the engine panic on this function: the leak is
// reported only by the run without the panic.
func bad(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT 2") // want `^rows from db\.QueryContext is not closed on the path that returns at panicking\.go:35; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return 0, err
	}
	var n int
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, rows.Close()
}
