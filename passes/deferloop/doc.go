// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package deferloop defines an Analyzer that reports releases deferred inside a loop.
//
// # Analyzer deferloop
//
// deferloop: report releases deferred inside a loop
//
// The deferloop analyzer reports a release of a database resource
// (rows.Close, conn.Release, tx.Rollback, stmt.Close, ...) deferred inside
// a loop, when some path carries the resource into the next iteration
// still held. The finding is reported at the defer statement.
//
// A loop whose every path to the next iteration ends the resource
// (commits or rolls back the transaction, closes the rows or drains them
// with Next, releases the connection) holds nothing across iterations:
// the deferred call is then a no-op, the piled-up defers are a matter of
// style, and nothing is reported. A path that returns relies on the
// deferred release, rightly.
//
// # Why it matters
//
// Deferred calls run when the function returns, not when the iteration
// ends, so each iteration holds one more resource: a loop over a
// thousand items holds a thousand rows, or tries to check out a thousand
// pooled connections, and blocks once the pool is empty.
//
// # Example
//
//	for _, id := range ids {
//		rows, err := db.QueryContext(ctx, q, id)
//		if err != nil {
//			return err
//		}
//		defer rows.Close() // runs only when the function returns
//		if rows.Next() {  // read once, not drained: still open
//			...
//		}
//	}
//
// is reported at the defer: "rows.Close is deferred inside a loop: each
// iteration holds its rows from db.QueryContext until the function
// returns; release it at the end of the iteration, or move the loop body
// into a function".
//
// # Fix
//
// Release the resource at the end of each iteration, or move the loop
// body into a function of its own, where the defer belongs:
//
//	for _, id := range ids {
//		if err := process(ctx, db, id); err != nil {
//			return err
//		}
//	}
//
//	func process(ctx context.Context, db *sql.DB, id int64) error {
//		rows, err := db.QueryContext(ctx, q, id)
//		if err != nil {
//			return err
//		}
//		defer rows.Close()
//		...
//		return rows.Err()
//	}
//
// dbleaklint offers no automatic fix for this finding.
//
// # Silencing
//
// Put a //dbleaklint:ignore directive with the reason at the end of the
// line of the defer statement, or in the doc comment of the function.
// Under golangci-lint, //nolint:dbleaklint works too. -deferloop=false,
// or "disable: [deferloop]" in the configuration file, turns the check
// off.
//
// # Default
//
// On.
//
// # Since
//
// Unreleased: dbleaklint has no release yet.
package deferloop
