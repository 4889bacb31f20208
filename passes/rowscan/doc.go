// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package rowscan defines an Analyzer that reports QueryRow results that are never scanned.
//
// # Analyzer rowscan
//
// rowscan: report QueryRow results that are never scanned
//
// The rowscan analyzer reports a pgx.Row or *sql.Row, returned by
// QueryRow or QueryRowContext, that some path never scans. A row returned
// to the caller is the caller's to scan. sqlx's *sqlx.Row (QueryRowx),
// released by Scan, StructScan, MapScan or SliceScan, and pgx v4's Row
// are reported alike.
//
// # Why it matters
//
// The query has run and holds its connection until Scan reads the row:
// with pgxpool an unscanned row keeps a pooled connection checked out for
// good, and with database/sql it keeps the rows, and their connection,
// open.
//
// # Example
//
//	func orderTotal(ctx context.Context, db *sql.DB, id int64) (int64, error) {
//		row := db.QueryRowContext(ctx, "SELECT total FROM orders WHERE id = $1", id)
//		if cached, ok := cache[id]; ok {
//			return cached, nil // the row is never scanned
//		}
//		var total int64
//		return total, row.Scan(&total)
//	}
//
// is reported at the query: "row from db.QueryRowContext is not scanned
// on the path that returns at orders.go:4; call row.Scan, or use Exec if
// no row is wanted".
//
// # Fix
//
// Issue the query only where it is scanned, and scan it on every path:
//
//	if cached, ok := cache[id]; ok {
//		return cached, nil
//	}
//	var total int64
//	err := db.QueryRowContext(ctx, "SELECT total FROM orders WHERE id = $1", id).Scan(&total)
//	return total, err
//
// Use Exec for statements whose rows are not wanted. dbleaklint offers no
// automatic fix: what to scan is not mechanical.
//
// # Silencing
//
// Put a //dbleaklint:ignore directive with the reason at the end of the
// line of the query, or in the doc comment of the function. Under
// golangci-lint, //nolint:dbleaklint works too. -rowscan=false, or
// "disable: [rowscan]" in the configuration file, turns the check off.
//
// # Default
//
// On.
//
// # Since
//
// Unreleased: dbleaklint has no release yet.
package rowscan
