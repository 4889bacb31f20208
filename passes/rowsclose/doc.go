// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package rowsclose defines an Analyzer that reports query rows that are not closed on every path.
//
// # Analyzer rowsclose
//
// rowsclose: report query rows that are not closed on every path
//
// The rowsclose analyzer reports pgx.Rows and *sql.Rows, returned by
// Query and QueryContext on a pool, connection, transaction or statement,
// that some path through the function leaves open: an early return, an
// error branch, a break out of the rows.Next loop, a continue that skips
// the Close at the bottom of a loop body, or a reassignment of the
// variable. sqlx's *sqlx.Rows (Queryx, NamedQuery and their Context
// forms) and pgx v4's Rows are reported alike; Rows.StructScan only
// scans, while sqlx's Select and Get close what they open.
//
// Rows count as closed by Close, by rows.Next returning false, by the pgx
// helpers that close them (CollectRows, CollectOneRow,
// CollectExactlyOneRow, ForEachRow, AppendRows), and, for pgx only, by a
// failed Scan. With database/sql a failed Scan does not close the rows.
// No rows are held where the query's error is non-nil.
//
// Rows that are returned to the caller are the caller's to close. Rows
// stored in a field, a map or a slice, or passed to a function whose
// ownership of them is unknown (a function value, an interface method),
// are not followed: the analyzer cannot tell who owns them and stays
// silent (-rowsclose.debug says so, -rowsclose.strict assumes that such
// a function only borrows them). Checking rows.Err after the loop is the
// job of x/tools' sqlrowserr analyzer, not this one.
//
// # Why it matters
//
// Open rows pin their connection: it stays busy, and with a pool checked
// out, until the rows are closed. Each leaking call takes one connection
// for good, and under load the pool runs dry: every query then waits for
// a connection that never comes back.
//
// # Example
//
//	func userIDs(ctx context.Context, db *sql.DB) ([]int64, error) {
//		rows, err := db.QueryContext(ctx, "SELECT id FROM users")
//		if err != nil {
//			return nil, err
//		}
//		var ids []int64
//		for rows.Next() {
//			var id int64
//			if err := rows.Scan(&id); err != nil {
//				return nil, err // rows are still open here
//			}
//			ids = append(ids, id)
//		}
//		rows.Close()
//		return ids, rows.Err()
//	}
//
// is reported at the query: "rows from db.QueryContext is not closed on
// the path that returns at users.go:10; defer rows.Close() after the
// error check".
//
// # Fix
//
// Close the rows with defer right after the error check:
//
//	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
//	if err != nil {
//		return nil, err
//	}
//	defer rows.Close()
//	var ids []int64
//	for rows.Next() {
//		var id int64
//		if err := rows.Scan(&id); err != nil {
//			return nil, err
//		}
//		ids = append(ids, id)
//	}
//	return ids, rows.Err()
//
// With pgx, pgx.CollectRows and its siblings read and close the rows in
// one call. dbleaklint -fix inserts the deferred Close where that is
// mechanical: the query is a statement of its own outside any loop,
// directly followed by its error check, and the rows are only used
// locally. It removes an explicit Close that the deferred one provably
// makes redundant (the same call, right before the function returns).
//
// # Silencing
//
// Put a //dbleaklint:ignore directive with the reason at the end of the
// line of the query, or in the doc comment of the function:
//
//	rows, err := db.QueryContext(ctx, q) //dbleaklint:ignore closed by the cursor's Close
//
// Under golangci-lint, //nolint:dbleaklint works too. -rowsclose=false,
// or "disable: [rowsclose]" in the configuration file, turns the check
// off.
//
// # Default
//
// On.
//
// # Since
//
// Unreleased: dbleaklint has no release yet.
package rowsclose
