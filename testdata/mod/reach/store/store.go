// Package store declares a resource of its own: .dbleaklint.yml makes
// *Handle a resource, so store is a root of the model.
package store

// A Handle must be closed.
type Handle struct{}

// Open returns a new handle.
func Open() *Handle { return &Handle{} }

// Close releases h.
func (h *Handle) Close() {}
