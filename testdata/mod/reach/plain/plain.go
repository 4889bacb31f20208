// Package plain reaches no resource; its test does.
package plain

// Query returns a query.
func Query() string { return "SELECT 1" }
