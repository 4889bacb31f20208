package dbleakrt

import "context"

// scope marks the acquisitions of one unit of work, such as an HTTP request.
// The tracker compares scopes by pointer.
type scope struct {
	label string
}

// scopeKey is the context key under which a *scope travels.
type scopeKey struct{}

// Scope returns a context derived from ctx that attributes every connection
// acquired with it, or with a context derived from it, to a new scope named
// label; and a function, to call when the unit of work is done, that returns
// the scope's connections that are still checked out, oldest first, and
// reports each as leaked (see [Pool.Report]).
//
// Attribution is exact: pgxpool and database/sql pass the acquiring context
// to the tracker, so connections acquired concurrently by other scopes, or
// by no scope, are never attributed to this one. Work started with an
// unrelated context, such as context.Background(), is not attributed to any
// scope. A second connection acquired in the scope while it holds one is
// noted as nested (see [Pool.Nested]).
//
// The middleware uses a scope per request; Scope serves other units of
// work, such as queue jobs:
//
//	ctx, done := pool.Scope(ctx, "job "+job.ID)
//	run(ctx, job)
//	for _, l := range done() {
//		log.Printf("job %s leaked a connection: %v", job.ID, l)
//	}
func (c *core) Scope(ctx context.Context, label string) (context.Context, func() []Leak) {
	s := &scope{label: label}
	ctx = context.WithValue(ctx, scopeKey{}, s)
	return ctx, func() []Leak {
		leaks := c.book.leaks(c.scopeRecords(s))
		for _, l := range leaks {
			c.book.report(l)
		}
		return leaks
	}
}

// scopeRecords returns the records of what s still holds.
func (c *core) scopeRecords(s *scope) []*record {
	return c.heldRecords(func(rec *record) bool { return rec.scope == s })
}
