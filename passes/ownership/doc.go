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
// method:
//
//	type Cursor struct{ rows pgx.Rows }
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
// A caller of OpenCursor that does not close the cursor on every path
// is reported by rowsclose, naming the Cursor.
//
// The -ownership.resource flag adds a user-defined resource, as JSON
// with the schema of the "resources" entries of the configuration file
// (docs/configuration.md); it may be repeated:
//
//	-ownership.resource='{"type":"*github.com/jmoiron/sqlx.Rows","check":"rowsclose",
//	  "acquire":["(*github.com/jmoiron/sqlx.DB).Queryx"],"release":["Close"]}'
//
// A type, method or function named there that does not exist in its
// package is an error when that package is analyzed.
package ownership
