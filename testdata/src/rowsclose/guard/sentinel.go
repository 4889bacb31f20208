package guard

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
)

var errGone = errors.New("gone")

// A sentinel test before the nil test.
func sentinelIs(ctx context.Context, stmt *sql.Stmt, id int) ([]int, error) {
	rows, err := stmt.QueryContext(ctx, id) // ok
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return nil, nil
}

func sentinelEq(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // ok
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	return rows.Close()
}

func sentinelNeq(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // ok
	if err != errGone {
		if err != nil {
			return err
		}
		return rows.Close()
	}
	return nil // err == errGone: nothing is held
}

func sentinelSwitch(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // ok
	switch err {
	case nil:
	case sql.ErrNoRows, errGone:
		return nil
	default:
		return err
	}
	return rows.Close()
}

func sentinelSwitchTrue(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // ok
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	return rows.Close()
}

func sentinelAs(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // ok
	var perr *fs.PathError
	if errors.As(err, &perr) {
		return perr
	}
	if err != nil {
		return err
	}
	return rows.Close()
}

// A compound condition: the error is non-nil on the true edge.
func sentinelCompound(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // ok
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return rows.Close()
}

// The negation: not a sentinel, and not nil.
func sentinelNegated(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // ok
	if !errors.Is(err, sql.ErrNoRows) && err != nil {
		return err
	}
	if err == nil {
		return rows.Close()
	}
	return nil
}

// The leaking twin: a sentinel test proves nothing on its false edge.
func sentinelLeak(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows from db.QueryContext is not closed on the path that returns at sentinel.go:113`
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if _, cerr := rows.Columns(); cerr != nil {
		return cerr
	}
	return err
}

// A comparison with a local error variable that may be nil proves
// nothing: not a sentinel.
func notSentinel(ctx context.Context, db *sql.DB, maybe error) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows from db.QueryContext is not closed on the path that returns at sentinel.go:123`
	if err == maybe {
		return nil
	}
	if err != nil {
		return err
	}
	return rows.Close()
}
