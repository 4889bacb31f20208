package dbleakrt

import (
	"context"
	"log/slog"
	"net/http"
)

// MiddlewareOptions configures the middleware of a [Pool] or a [DB]. The
// zero value is ready to use.
type MiddlewareOptions struct {
	// Logger receives one warning per leaked resource. Nil means
	// slog.Default().
	Logger *slog.Logger

	// OnLeak, when not nil, is called after a request that returned while
	// still holding connections (or, for a DB, transactions, rows or
	// statements), with those, oldest first. It runs on the request's
	// goroutine, after the handler returned.
	OnLeak func(r *http.Request, leaks []Leak)
}

// Middleware returns a handler that runs next and then reports the database
// connections (for a [DB], also the transactions, rows and statements) that
// the request acquired and still holds.
//
// The request's context carries a scope (see [Pool.Scope]); the tracker
// attributes to the request exactly what was acquired with that context or
// one derived from it, so concurrent requests are never blamed for each
// other's connections. Each leak is logged as a warning naming the line that
// acquired it, passed to opts.OnLeak and reported (see [Pool.Report]). The
// connections are not released: the handler's code may still be using them.
//
// The middlewares of a Pool and a DB can be stacked: the inner one uses the
// scope the outer one put in the context, and each reports its own pool's
// leaks.
func (c *core) Middleware(next http.Handler, opts MiddlewareOptions) http.Handler {
	logger := opts.Logger
	if logger == nil {
		logger = slog.Default()
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s, ok := r.Context().Value(scopeKey{}).(*scope)
		if !ok {
			s = &scope{label: r.Method + " " + r.URL.Path}
			r = r.WithContext(context.WithValue(r.Context(), scopeKey{}, s))
		}
		defer c.checkRequest(r, s, logger, opts.OnLeak)
		next.ServeHTTP(w, r)
	})
}

// checkRequest reports what the request of scope s holds.
func (c *core) checkRequest(r *http.Request, s *scope, logger *slog.Logger, onLeak func(*http.Request, []Leak)) {
	recs := c.scopeRecords(s)
	if len(recs) == 0 {
		return
	}
	leaks := c.book.leaks(recs)
	for _, l := range leaks {
		attrs := append([]slog.Attr{
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
		}, leakAttrs(l)...)
		logger.LogAttrs(r.Context(), slog.LevelWarn,
			"dbleakrt: HTTP request returned without releasing a database resource", attrs...)
		c.book.report(l)
	}
	if onLeak != nil {
		onLeak(r, leaks)
	}
}

// leakAttrs describes a Leak for log/slog.
func leakAttrs(l Leak) []slog.Attr {
	return []slog.Attr{
		slog.String("kind", l.Kind),
		slog.String("site", l.Site.Location()),
		slog.String("func", l.Site.Function),
		slog.Duration("held", l.Held),
		slog.Any("pid", l.PID),
		slog.String("stack", l.Stack()),
	}
}
