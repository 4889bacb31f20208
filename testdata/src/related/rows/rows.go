// Package rows holds rowsclose findings whose related information (the
// leaking exits) passes/internal/leakcheck/related_test.go checks:
// analysistest checks only the messages.
package rows

import (
	"context"
	"database/sql"
	"errors"
)

var errTooMany = errors.New("too many")

// One leaking return.
func one(ctx context.Context, db *sql.DB) ([]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users") // want `^rows from db\.QueryContext is not closed on the path that returns at rows\.go:24; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	return ids, rows.Err()
}

// Two leaking returns: the first is named, the other counted.
func two(ctx context.Context, db *sql.DB, limit int) ([]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users") // want `^rows from db\.QueryContext is not closed on the path that returns at rows\.go:42 \(and 1 other exit\); defer rows\.Close\(\) after the error check$`
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if len(ids) == limit {
			return nil, errTooMany
		}
		ids = append(ids, id)
	}
	rows.Close()
	return ids, rows.Err()
}

// A continue skips the Close at the bottom of the loop body.
func perUser(ctx context.Context, db *sql.DB, users []int64) (int, error) {
	n := 0
	for _, u := range users {
		rows, err := db.QueryContext(ctx, "SELECT 1 FROM orders WHERE user_id = $1", u) // want `^rows from db\.QueryContext is not closed when the loop continues at rows\.go:62; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return n, err
		}
		if u < 0 {
			continue
		}
		for rows.Next() {
			n++
		}
		rows.Close()
	}
	return n, nil
}

// Clean: no finding, so no related information.
func clean(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return rows.Err()
}
