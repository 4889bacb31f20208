// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package ownership defines an Analyzer that computes which functions
// release, borrow or return database resources, for the other checks.
//
// # Analyzer ownership
//
// ownership: compute which functions release, borrow or return database resources
//
// The ownership analyzer reports nothing itself. For every function of
// every package that can reach a resource type it exports a fact that
// the leak checks use in the packages that call it:
//
//   - releases(i): the function releases parameter i on every normal
//     exit, directly, by a defer, or by passing it on to a function that
//     does. Passing a resource to it discharges the caller, in any
//     package: a closeQuietly(rows) helper is a release.
//   - borrows(i): the function uses parameter i and leaves it held on
//     every exit. The caller still owes the release: a scanUser(rows)
//     helper that reads one row does not close the rows for its caller.
//   - releases(i) if err == nil, takes(i) if err == nil: the function
//     releases or keeps parameter i only where its error result is nil;
//     where the call fails, the caller still owes the release.
//   - releases-elements(i): parameter i is a slice or map of resources
//     whose every element the function releases on every normal exit: a
//     closeAll(stmts) helper releases the statements its caller
//     collected.
//   - returns(i T): the function returns, at result i, a resource of
//     type T that it acquired (or got from a function returning one). Its
//     callers must release it, on every path. A getter returning a field
//     or a global is not such a function: its callers owe nothing.
//
// Facts are derived from the code, with no annotations. Recursive and
// mutually recursive functions get facts by a fixed point; generic
// functions and methods of generic types get one fact for every
// instantiation. A function whose releases depend on the path gets no
// fact, and its callers stay silent, as for function values and
// interface methods.
//
// A struct type whose Close or Release method (or a releasing method of
// the resource it wraps, such as Commit and Rollback for a transaction)
// releases a resource field on every path is a wrapper: a resource
// itself, reported by the check of the resource it wraps. A constructor
// that returns a fresh one gives its callers the obligation to call that
// method.
//
// The -ownership.resource flag adds a user-defined resource, as JSON
// with the schema of the "resources" entries of the configuration file
// (docs/guide.md); it may be repeated:
//
//	-ownership.resource='{"type":"*example.com/app/internal/db.Cursor","check":"rowsclose",
//	  "acquire":["(*example.com/app/internal/db.Store).Cursor"],"release":["Close"]}'
//
// A type, method or function named there that does not exist in its
// package is an error when that package is analyzed.
//
// # Why it matters
//
// Without facts, a resource handed to a function of another package would
// have no known owner, and the checks would stop following it: the leak
// after a borrowing helper, or a wrapper that is never closed, would go
// unreported. With them, helpers and wrappers of any package are
// understood as well as the resource types dbleaklint knows.
//
// # Example
//
// Package store wraps rows in a cursor:
//
//	type Cursor struct{ rows pgx.Rows }
//
//	func (c *Cursor) Next() bool { return c.rows.Next() }
//
//	func (c *Cursor) Close() { c.rows.Close() }
//
//	func OpenCursor(ctx context.Context, pool *pgxpool.Pool) (*Cursor, error) {
//		rows, err := pool.Query(ctx, "SELECT id FROM users")
//		if err != nil {
//			return nil, err
//		}
//		return &Cursor{rows: rows}, nil
//	}
//
// and another package leaks one:
//
//	func count(ctx context.Context, pool *pgxpool.Pool, limit int) (int, error) {
//		cur, err := store.OpenCursor(ctx, pool)
//		if err != nil {
//			return 0, err
//		}
//		n := 0
//		for cur.Next() {
//			if n++; n > limit {
//				return 0, errTooMany // the cursor stays open
//			}
//		}
//		cur.Close()
//		return n, nil
//	}
//
// rowsclose reports it, naming the Cursor: "Cursor cur from
// store.OpenCursor is not closed on the path that returns at count.go:9;
// defer cur.Close() after the error check".
//
// # Fix
//
// The findings that facts make possible are fixed as those of the check
// that reports them; here, defer cur.Close() right after the error check.
// A wrong -ownership.resource is an error, not a finding: correct the
// configuration.
//
// # Silencing
//
// There is nothing to silence: the findings are the leak checks', and
// are silenced as theirs are, with //dbleaklint:ignore on the line of the
// acquiring call.
//
// # Default
//
// On. It reports nothing; the leak checks need its facts, and it runs
// whenever one of them does.
//
// # Since
//
// Unreleased: dbleaklint has no release yet.
package ownership
