// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package stmtclose defines an Analyzer that reports prepared statements that are not closed on every path.
//
// # Analyzer stmtclose
//
// stmtclose: report prepared statements that are not closed on every path
//
// The stmtclose analyzer reports a *sql.Stmt from Prepare or
// PrepareContext on a *sql.DB or *sql.Conn that some path leaves open. A
// prepared statement holds server-side resources on every connection it
// was prepared on until it is closed.
//
// For example:
//
//	stmt, err := db.PrepareContext(ctx, "INSERT INTO users (name) VALUES ($1)")
//	if err != nil {
//		return err
//	}
//	for _, name := range names {
//		if _, err := stmt.ExecContext(ctx, name); err != nil {
//			return err // the statement stays prepared
//		}
//	}
//	return stmt.Close()
//
// The fix is to defer stmt.Close() right after the error check.
// Statements prepared on a transaction (Tx.Prepare, Tx.Stmt) are closed
// when it ends and are not reported.
package stmtclose
