// Package derefwrapper holds the corpus's false alarm on rows handed to
// the caller inside a returned wrapper that embeds sqlx.Rows by value: the
// *sqlx.Rows from QueryxContext is dereferenced into the wrapper's field
// (&Rows{Rows: *result}), which copies its *sql.Rows pointer; the caller
// owns the wrapper and closes it (its Close closes the rows and cancels the
// query's context). Nothing is left open on the return.
//
// Found in github.com/stellar/go@v0.0.0-20251113110825-d9bbe0f80269
// support/db/session.go:374 (Session.QueryRaw).
//
// The engine takes *result, a copy of the struct the rows point to, for the
// rows themselves: stored into the local wrapper, it makes the wrapper their
// container, which the return hands over.
package derefwrapper

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// Rows is stellar's wrapper: sqlx.Rows by value, plus the cancel of the
// query's context.
type Rows struct {
	sqlx.Rows
	cancel context.CancelFunc
}

// Close closes the rows, then cancels the query's context.
func (r *Rows) Close() error {
	defer r.cancel()
	return r.Rows.Close()
}

// Clean: stellar's QueryRaw. On success the rows move into the returned
// wrapper; on error there are none.
func queryRaw(ctx context.Context, db *sqlx.DB, query string) (*Rows, error) {
	ctx, cancel := context.WithCancel(ctx)
	result, err := db.QueryxContext(ctx, query)
	if err == nil {
		return &Rows{Rows: *result, cancel: cancel}, nil
	}
	cancel()
	return nil, err
}

// Leaking twin: the wrapper is built but only its cancel is returned; the
// copied rows are dropped with it.
func queryRawLeak(ctx context.Context, db *sqlx.DB, query string) (context.CancelFunc, error) {
	ctx, cancel := context.WithCancel(ctx)
	result, err := db.QueryxContext(ctx, query) // want `rows result from db.QueryxContext is not closed`
	if err != nil {
		cancel()
		return nil, err
	}
	w := &Rows{Rows: *result, cancel: cancel}
	return w.cancel, nil
}
