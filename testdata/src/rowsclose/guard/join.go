// Package guard holds the error guard as data flow: what an edge
// proves about each acquisition's error survives joins, copies and
// wrapping, and every comparison that implies a non-nil error counts.
package guard

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// One acquisition per arm, one error check after the join.
func queryTxOrDB(ctx context.Context, db *sql.DB, tx *sql.Tx, q string) ([]int, error) {
	var rows *sql.Rows
	var err error
	if tx != nil {
		rows, err = tx.QueryContext(ctx, q) // ok
	} else {
		rows, err = db.QueryContext(ctx, q) // ok
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// The leaking twin: the join is checked, but one arm's rows are never
// closed on the success path.
func queryTxOrDBLeak(ctx context.Context, db *sql.DB, tx *sql.Tx, q string) (int, error) {
	var rows *sql.Rows
	var err error
	if tx != nil {
		rows, err = tx.QueryContext(ctx, q) // want `rows from tx.QueryContext is not closed on the path that returns at join.go:51`
	} else {
		rows, err = db.QueryContext(ctx, q) // want `rows from db.QueryContext is not closed on the path that returns at join.go:51`
	}
	if err != nil {
		return 0, err
	}
	cols, _ := rows.Columns()
	return len(cols), nil
}

// An else-if chain of three sources.
func queryChain(ctx context.Context, db *sql.DB, tx *sql.Tx, conn *sql.Conn, q string) error {
	var rows *sql.Rows
	var err error
	if tx != nil {
		rows, err = tx.QueryContext(ctx, q) // ok
	} else if conn != nil {
		rows, err = conn.QueryContext(ctx, q) // ok
	} else {
		rows, err = db.QueryContext(ctx, q) // ok
	}
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	return rows.Close()
}

// A switch whose arms each acquire.
func querySwitch(ctx context.Context, db *sql.DB, kind int) error {
	var rows *sql.Rows
	var err error
	switch kind {
	case 1:
		rows, err = db.QueryContext(ctx, "SELECT 1") // ok
	case 2:
		rows, err = db.QueryContext(ctx, "SELECT 2") // ok
	default:
		rows, err = db.QueryContext(ctx, "SELECT 3") // ok
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	return nil
}

// A statement chosen in each arm, then one query on it.
func queryChosenStmt(ctx context.Context, byID, byName *sql.Stmt, id int) error {
	var rows *sql.Rows
	var err error
	if id > 0 {
		rows, err = byID.QueryContext(ctx, id) // ok
	} else {
		rows, err = byName.QueryContext(ctx, "x") // ok
	}
	if err != nil {
		return err
	}
	return rows.Close()
}

// The tx-or-db join inside a loop body.
func queryEach(ctx context.Context, db *sql.DB, tx *sql.Tx, qs []string) error {
	for _, q := range qs {
		var rows *sql.Rows
		var err error
		if tx != nil {
			rows, err = tx.QueryContext(ctx, q) // ok
		} else {
			rows, err = db.QueryContext(ctx, q) // ok
		}
		if err != nil {
			continue
		}
		rows.Close()
	}
	return nil
}

// The error copied to another variable, and wrapped before the check.
func queryCopied(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // ok
	qerr := err
	if qerr != nil {
		return qerr
	}
	return rows.Close()
}

func queryWrappedFirst(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // ok
	if err != nil {
		err = fmt.Errorf("query: %w", err)
	}
	if err != nil {
		return err
	}
	return rows.Close()
}

// The error stored in a variable declared before, and checked later
// after unrelated work.
func queryThroughVar(ctx context.Context, db *sql.DB, tx *sql.Tx) (err error) {
	var rows *sql.Rows
	if tx != nil {
		rows, err = tx.QueryContext(ctx, "SELECT 1") // ok
	} else {
		rows, err = db.QueryContext(ctx, "SELECT 1") // ok
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	return nil
}

// A second error overwrites the first before the check: the rows leak
// when the first query succeeded and the second call failed.
func queryOverwrittenErr(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows from db.QueryContext is not closed on the path that returns at join.go:168`
	if ctx.Err() != nil {
		err = ctx.Err()
	}
	if err != nil {
		return err
	}
	return rows.Close()
}

var _ = errors.New
