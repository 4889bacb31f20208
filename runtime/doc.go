// Package dbleakrt wraps a pgx v5 connection pool ([pgxpool.Pool]) so that
// connections cannot leak through the common patterns, and so that the ones
// that do leak are found and reported with the line that acquired them.
//
// The package lives in the directory runtime/ of the dbleaklint module; its
// name is dbleakrt so that it never shadows the standard library's runtime
// package in the files that import it.
//
// # Scoped helpers
//
// [Pool.WithConn], [Pool.WithTx] and [Savepoint] hand a connection or a
// transaction to a function and always release, commit or roll back when the
// function returns, returns an error or panics. Code written with them has
// no Release, Commit or Rollback call to forget.
//
// # Tracking
//
// [New] and [NewWithConfig] install a [pgxpool.AcquireTracer] and a
// [pgxpool.ReleaseTracer] in the pool's ConnConfig.Tracer, chained with any
// tracer that was already configured (every tracer interface of pgx and
// pgxpool keeps being called). Every acquisition is therefore seen, including
// the implicit ones made by [pgxpool.Pool.Query], [pgxpool.Pool.QueryRow],
// [pgxpool.Pool.SendBatch] and [pgxpool.Pool.Begin]. For each connection that
// is checked out, the tracker records when it was acquired and, when
// [Config.CaptureStacks] is set, the call stack of the acquisition.
//
// The tracking feeds four tools:
//
//   - [Pool.Held] and [Pool.Stat] report what is checked out right now;
//   - [Pool.Monitor] logs pool statistics with log/slog and warns about
//     connections held longer than a threshold;
//   - [Pool.Middleware] and [Pool.Scope] report the connections that one
//     HTTP request (or any other unit of work) acquired and did not release;
//   - the subpackage pooltest fails a test that leaves connections checked
//     out, in the style of go.uber.org/goleak.
package dbleakrt
