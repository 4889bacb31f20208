// Package cache reaches the user-declared resource of store.
package cache

import "example.com/reach/store"

// Warm opens and closes a handle.
func Warm() { store.Open().Close() }
