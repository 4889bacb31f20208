// Package dbleakrt wraps a pgx v5 connection pool ([pgxpool.Pool], as a
// [Pool]) or a database/sql database ([sql.DB], as a [DB]) so that
// connections cannot leak through the common patterns, and so that the ones
// that do leak are found and reported with the line that acquired them. Both
// sides have the same API.
//
// The package lives in the directory runtime/ of the dbleaklint module; its
// name is dbleakrt so that it never shadows the standard library's runtime
// package in the files that import it.
//
// # Scoped helpers
//
// [Pool.WithConn], [Pool.WithTx], [Savepoint], [DB.WithConn], [DB.WithTx]
// and [SavepointSQL] hand a connection or a transaction to a function and
// always release, commit or roll back when the function returns, returns an
// error or panics. Code written with them has no Release, Close, Commit or
// Rollback call to forget.
//
// # Tracking
//
// [New] and [NewWithConfig] install a [pgxpool.AcquireTracer] and a
// [pgxpool.ReleaseTracer] in the pool's ConnConfig.Tracer, chained with any
// tracer that was already configured (every tracer interface of pgx and
// pgxpool keeps being called). Every acquisition is therefore seen, including
// the implicit ones made by [pgxpool.Pool.Query], [pgxpool.Pool.QueryRow],
// [pgxpool.Pool.SendBatch] and [pgxpool.Pool.Begin].
//
// [Open] and [OpenDB] open a database through a wrapping driver.Connector,
// which tracks the connections database/sql takes out of its pool and the
// transactions, rows and statements it hands out, from the call that made
// them until they are closed, committed or rolled back.
//
// For each, the tracker records when it was acquired and, when
// [Config.CaptureStacks] is set, the call stack of the acquisition. The
// tracking feeds these tools, on both sides:
//
//   - Held and Stat report what is held right now;
//   - Monitor logs the pool's statistics with log/slog and warns about what
//     is held longer than a threshold;
//   - Middleware and Scope report what one HTTP request (or any other unit
//     of work) acquired and did not release;
//   - every leak found, whatever found it, goes through [Config.OnLeak] and
//     is counted, once;
//   - an acquisition that gives up because the pool stayed full gets an
//     [ExhaustedError] naming every holder, and Close takes a deadline and
//     names what is still held ([CloseError]);
//   - a connection acquired while the same request already holds one of the
//     same pool, which deadlocks a pool under load, is noted once per call
//     site with both stacks ([Nested]);
//   - the subpackage pooltest fails a test that leaves anything held, in the
//     style of go.uber.org/goleak.
package dbleakrt
