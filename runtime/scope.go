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
// label; and a function that returns the scope's connections that are still
// checked out, oldest first.
//
// Attribution is exact: pgxpool passes the acquiring context to the tracer,
// so connections acquired concurrently by other scopes, or by no scope, are
// never attributed to this one. Work started with an unrelated context, such
// as context.Background(), is not attributed to any scope.
//
// [Pool.Middleware] uses a scope per request; Scope serves other units of
// work, such as queue jobs:
//
//	ctx, held := pool.Scope(ctx, "job "+job.ID)
//	run(ctx, job)
//	for _, l := range held() {
//		log.Printf("job %s leaked a connection: %v", job.ID, l)
//	}
func (p *Pool) Scope(ctx context.Context, label string) (context.Context, func() []Leak) {
	s := &scope{label: label}
	ctx = context.WithValue(ctx, scopeKey{}, s)
	return ctx, func() []Leak { return p.leaks(p.scopeRecords(s)) }
}

// scopeRecords returns the records of the connections that s still holds.
func (p *Pool) scopeRecords(s *scope) []*record {
	return p.tracker.records(p.pool, func(rec *record) bool { return rec.scope == s })
}
