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
// QueryRow or QueryRowContext, that some path never scans. The query has
// run and holds its connection until Scan reads the row: with pgxpool an
// unscanned row keeps a pooled connection checked out for good, and with
// database/sql it keeps the rows, and their connection, open.
//
// For example:
//
//	row := db.QueryRowContext(ctx, "SELECT total FROM orders WHERE id = $1", id)
//	if cached, ok := cache[id]; ok {
//		return cached, nil // the row is never scanned
//	}
//	return total, row.Scan(&total)
//
// The fix is to scan the row on every path, or to issue the query only
// where it is scanned. Use Exec for statements whose rows are not wanted.
// A row returned to the caller is the caller's to scan.
package rowscan
