// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package poolpolicy defines an Analyzer that enforces the use of the
// scoped helpers of dbleaklint's runtime package for pgxpool.
//
// # Analyzer poolpolicy
//
// poolpolicy: report raw pgxpool acquisitions outside allowed packages, and connections or transactions that escape a scoped callback
//
// The poolpolicy analyzer has two halves.
//
// The first half is opt-in (-poolpolicy.enforce). It reports each use,
// call or method value, of these methods of *pgxpool.Pool outside the
// packages allowed to use them:
//
//   - Acquire: use (*dbleakrt.Pool).WithConn
//   - Begin, BeginTx: use (*dbleakrt.Pool).WithTx
//   - Query, QueryRow: use (*dbleakrt.Pool).WithConn and query on its connection
//   - SendBatch: use (*dbleakrt.Pool).WithConn or WithTx and send on it
//
// dbleakrt is github.com/dbleaklint/dbleaklint/runtime. The runtime
// package and its subpackages are always allowed; -poolpolicy.allow adds
// a comma-separated list of package paths, where a trailing "/..."
// matches a whole subtree (for example "example.com/app/internal/db/...").
// A package's tests count as the package. Methods that cannot leave a
// connection checked out are not reported: Exec, CopyFrom, Ping and
// AcquireFunc (which is scoped, like WithConn), and neither is
// AcquireAllIdle, which serves health checks.
//
// The second half always runs. The connection or transaction that a
// scoped helper hands to its callback is released, committed or rolled
// back when the callback returns, so it must not outlive the callback.
// For the callbacks of (*dbleakrt.Pool).WithConn, (*dbleakrt.Pool).WithTx,
// dbleakrt.Savepoint, (*pgxpool.Pool).AcquireFunc, pgx.BeginFunc and
// pgx.BeginTxFunc, the analyzer reports, at the escape, the callback's
// connection or transaction (or a value holding it) when it is:
//
//   - stored in a field, a global, a variable declared outside the
//     callback, a slice or array element or a map that outlives the
//     callback;
//   - returned by the callback;
//   - sent on a channel;
//   - captured by a goroutine (a go statement, or the Go method of
//     sync.WaitGroup or errgroup.Group) that the callback does not join
//     before it returns.
//
// Passing the connection to another function (repo.Save(ctx, tx)) is
// borrowing and is not reported, nor are values held only by local
// variables and local composite values of the callback.
//
// A goroutine counts as joined when every path from the go statement to a
// return of the callback waits: calls (*sync.WaitGroup).Wait or
// (*errgroup.Group).Wait, receives from a channel, or blocks in a select.
// This approximation does not check that the wait is for that goroutine:
// when in doubt, the analyzer stays silent.
//
// The callback must be a function literal or a function or method of the
// package being analyzed, passed directly to the helper.
//
// # Why it matters
//
// The other checks find a forgotten release after the fact; the scoped
// helpers make it impossible. WithConn and WithTx release, commit and roll
// back in one place, so that no new branch of the caller can leak, and
// the first half keeps code from going around them. In exchange, the
// connection or transaction is only valid inside the callback: one that
// escapes is used after it went back to the pool, possibly while another
// goroutine holds it.
//
// # Example
//
//	var conns []*pgxpool.Conn
//	err := pool.WithConn(ctx, func(c *pgxpool.Conn) error {
//		conns = append(conns, c) // reported: released when the callback returns
//		go notify(ctx, c)        // reported: the goroutine outlives the callback
//		return nil
//	})
//
// The first escape is reported as "connection c escapes the
// (*dbleakrt.Pool).WithConn callback: assigned to conns, declared outside
// the callback; the connection is released when the callback returns".
// With
// -poolpolicy.enforce, a raw acquisition
//
//	conn, err := pgxPool.Acquire(ctx)
//
// is reported as "raw (*pgxpool.Pool).Acquire outside the allowed
// packages; use (*dbleakrt.Pool).WithConn so the connection is always
// released".
//
// # Fix
//
// Do the work inside the callback, and wait there for the goroutines that
// use the connection:
//
//	err := pool.WithConn(ctx, func(c *pgxpool.Conn) error {
//		if err := notify(ctx, c); err != nil {
//			return err
//		}
//		_, err := c.Exec(ctx, "LISTEN jobs")
//		return err
//	})
//
// Replace a raw acquisition by the helper its message names, or, for a
// package whose job is to manage connections by hand, add it to
// -poolpolicy.allow.
//
// # Silencing
//
// Mark the line of the finding (the raw call, or the statement through
// which the connection or transaction escapes) with
//
//	//dbleaklint:ignore <reason>
//
// as for every check, or silence a whole function from its doc comment.
// For a package whose job is to manage connections by hand, prefer
// -poolpolicy.allow (or "pool-policy: {allow: [...]}" in the
// configuration file). Turn the check off with -poolpolicy=false.
// Under golangci-lint, //nolint:dbleaklint silences any finding.
//
// # Default
//
// On; the first half, raw acquisitions, only with -poolpolicy.enforce.
//
// # Since
//
// Unreleased: dbleaklint has no release yet.
package poolpolicy
