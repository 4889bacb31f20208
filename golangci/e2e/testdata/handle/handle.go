// Package handle has a resource that dbleaklint does not know of: a
// Handle is released by Close, and Leak does not release it. Nothing
// about it is a database resource, so only a configuration that
// declares it makes Leak a finding. The end-to-end test copies it into
// examples/userservice/handle.
package handle

import "database/sql"

// A Handle holds a server-side cursor until it is closed.
type Handle struct{ db *sql.DB }

// Open opens a handle.
func Open(db *sql.DB) (*Handle, error) { return &Handle{db: db}, nil }

// Close releases the handle.
func (h *Handle) Close() error { return nil }

// Leak opens a handle and forgets it.
func Leak(db *sql.DB) error {
	h, err := Open(db) // e2e: leaks when configured
	if err != nil {
		return err
	}
	_ = h
	return nil
}
