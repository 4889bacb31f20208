// Package nodb is an in-house "database" layer that imports neither
// database/sql nor pgx: its Rows, its releasing helper and its wrapper
// look like the resources of ownership/helpers, but no package it
// reaches holds a resource type, so the ownership analyzer builds no
// SSA for it and exports no facts at all.
package nodb

import (
	"context"
	"errors"
	"io"
)

// ErrClosed is returned by a closed Rows.
var ErrClosed = errors.New("closed")

// Rows is a result set of the in-house layer.
type Rows struct{ open bool }

// Query returns fresh rows.
func Query(ctx context.Context, query string) (*Rows, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &Rows{open: true}, nil
}

// Next reports whether a row is available.
func (r *Rows) Next() bool { return r.open }

// Close closes the rows.
func (r *Rows) Close() error {
	if !r.open {
		return ErrClosed
	}
	r.open = false
	return nil
}

// CloseQuietly closes anything, ignoring the error.
func CloseQuietly(c io.Closer) { _ = c.Close() }

// Cursor holds rows and closes them in Close.
type Cursor struct{ rows *Rows }

// OpenCursor returns a fresh cursor.
func OpenCursor(ctx context.Context) (*Cursor, error) {
	rows, err := Query(ctx, "SELECT 1")
	if err != nil {
		return nil, err
	}
	return &Cursor{rows: rows}, nil
}

// Close closes the cursor's rows.
func (c *Cursor) Close() error { return c.rows.Close() }
