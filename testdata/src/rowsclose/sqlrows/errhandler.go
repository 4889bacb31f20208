package sqlrows

import (
	"context"
	"database/sql"
	"fmt"
)

// errs collects errors as gorm's (*DB).AddError does: it returns the
// accumulated error, non-nil once err is.
type errs struct{ err error }

func (e *errs) add(err error) error {
	if err != nil && e.err == nil {
		e.err = err
	}
	return e.err
}

// The error guard through a call that is handed the error: on its
// non-nil edge nothing was acquired (the shape of gorm's callbacks).
func countVia(ctx context.Context, db *sql.DB, e *errs) (n int) {
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if e.add(err) == nil {
		defer rows.Close()
		for rows.Next() {
			n++
		}
	}
	return n
}

// The same guard with a wrapping function, in an if statement's init.
func countWrapped(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err := wrap(err); err != nil {
		return 0, err
	}
	defer rows.Close()
	return 1, nil
}

func wrap(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("count: %w", err)
}

// The twin: on the edge where the error is nil, the rows are held and
// never closed.
func countViaLeak(ctx context.Context, db *sql.DB, e *errs) (n int) {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `^rows from db\.QueryContext is not closed on the path that returns at errhandler\.go:59; defer rows\.Close\(\) after the error check$`
	if e.add(err) == nil {
		if rows.Next() {
			n++
		}
	}
	return n
}
