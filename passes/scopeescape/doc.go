// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package scopeescape defines an Analyzer that reports connections and
// transactions that outlive the callback of a scoped helper.
//
// # Analyzer scopeescape
//
// scopeescape: report connections or transactions that escape the callback of a scoped helper
//
// The connection or transaction that a scoped helper hands to its
// callback is released, committed or rolled back when the callback
// returns, so it must not outlive the callback. For the callbacks of
// (*dbleakrt.Pool).WithConn, (*dbleakrt.Pool).WithTx, dbleakrt.Savepoint,
// (*pgxpool.Pool).AcquireFunc, pgx.BeginFunc and pgx.BeginTxFunc, the
// analyzer reports, at the escape, the callback's connection or
// transaction (or a value holding it) when it is:
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
// dbleakrt is github.com/dbleaklint/dbleaklint/runtime. Passing the
// connection to another function (repo.Save(ctx, tx)) is borrowing and
// is not reported, nor are values held only by local variables and
// local composite values of the callback.
//
// A goroutine counts as joined when every path from the go statement to a
// return of the callback waits: calls (*sync.WaitGroup).Wait or
// (*errgroup.Group).Wait, receives from a channel, or blocks in a select.
// This approximation does not check that the wait is for that goroutine:
// when in doubt, the analyzer stays silent.
//
// The callback must be a function literal or a function or method of the
// package being analyzed, passed directly to the helper; another (a
// function value passed in, a field) is not checked, and
// -scopeescape.debug names the helper calls whose callback is not.
//
// # Why it matters
//
// The scoped helpers release, commit and roll back in one place, so that
// no new branch of the caller can leak (the poolpolicy check, with
// -poolpolicy.enforce, keeps code from going around them). In exchange,
// the connection or transaction is only valid inside the callback: one
// that escapes is used after it went back to the pool, possibly while
// another goroutine holds it.
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
// # Silencing
//
// Mark the line of the finding (the statement through which the
// connection or transaction escapes) with
//
//	//dbleaklint:ignore <reason>
//
// as for every check, or silence a whole function from its doc comment.
// Turn the check off with -scopeescape=false. Under golangci-lint,
// //nolint:dbleaklint silences any finding.
//
// # Default
//
// On.
//
// # Since
//
// Unreleased: dbleaklint has no release yet.
package scopeescape
