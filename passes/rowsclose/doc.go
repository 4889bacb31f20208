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
// variable. Open rows pin their connection: under load the pool runs dry.
//
// Rows count as closed by Close, by rows.Next returning false, by the pgx
// helpers that close them (CollectRows, CollectOneRow,
// CollectExactlyOneRow, ForEachRow, AppendRows), and, for pgx only, by a
// failed Scan. With database/sql a failed Scan does not close the rows.
// No rows are held where the query's error is non-nil.
//
// For example:
//
//	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
//	if err != nil {
//		return err
//	}
//	for rows.Next() {
//		if err := rows.Scan(&id); err != nil {
//			return err // rows are still open here
//		}
//	}
//
// The fix is to close them with defer right after the error check:
//
//	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
//	if err != nil {
//		return err
//	}
//	defer rows.Close()
//
// Rows that are returned to the caller are the caller's to close. Rows
// stored in a field, a map or a slice, or passed to a function of another
// package, are not followed: the analyzer cannot tell who owns them and
// stays silent (-rowsclose.debug says so). Checking rows.Err after the
// loop is the job of x/tools' sqlrowserr analyzer, not this one.
package rowsclose
