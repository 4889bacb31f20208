// Package dbx is an in-house database layer, described to dbleaklint as
// a user-defined resource by passes/ownership's tests (-ownership.resource).
package dbx

import "context"

// DB is a handle to the database.
type DB struct{}

// Rows is a result set that must be closed.
type Rows struct{ open bool }

// Queryx runs a query; its rows must be closed.
func (db *DB) Queryx(ctx context.Context, query string) (*Rows, error) {
	return &Rows{open: true}, nil
}

// Next advances to the next row.
func (r *Rows) Next() bool { return false }

// Close closes the rows.
func (r *Rows) Close() error {
	r.open = false
	return nil
}

// Drain reads and closes the rows.
func Drain(r *Rows) {}
