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
// PrepareContext on a *sql.DB or *sql.Conn that some path leaves open.
// Statements prepared on a transaction (Tx.Prepare, Tx.Stmt) are closed
// when it ends and are not reported. sqlx's *sqlx.Stmt (Preparex) and
// *sqlx.NamedStmt (PrepareNamed) are reported alike, except those of a
// transaction (tx.Preparex, sqlx.Preparex(tx, ...)).
//
// # Why it matters
//
// A prepared statement holds server-side resources on every connection
// it was prepared on until it is closed: every leaked statement adds to
// the server's memory for as long as those connections live.
//
// # Example
//
//	func insertUsers(ctx context.Context, db *sql.DB, names []string) error {
//		stmt, err := db.PrepareContext(ctx, "INSERT INTO users (name) VALUES ($1)")
//		if err != nil {
//			return err
//		}
//		for _, name := range names {
//			if _, err := stmt.ExecContext(ctx, name); err != nil {
//				return err // the statement stays prepared
//			}
//		}
//		return stmt.Close()
//	}
//
// is reported at the Prepare call: "statement stmt from db.PrepareContext
// is not closed on the path that returns at users.go:8; defer
// stmt.Close() after the error check".
//
// # Fix
//
// Defer stmt.Close() right after the error check:
//
//	stmt, err := db.PrepareContext(ctx, "INSERT INTO users (name) VALUES ($1)")
//	if err != nil {
//		return err
//	}
//	defer stmt.Close()
//	for _, name := range names {
//		if _, err := stmt.ExecContext(ctx, name); err != nil {
//			return err
//		}
//	}
//	return nil
//
// dbleaklint -fix inserts the deferred Close where that is mechanical:
// the Prepare call is a statement of its own outside any loop, directly
// followed by its error check, and the statement is only used locally.
//
// # Silencing
//
// Put a //dbleaklint:ignore directive with the reason at the end of the
// line of the Prepare call, or in the doc comment of the function. Under
// golangci-lint, //nolint:dbleaklint works too. -stmtclose=false, or
// "disable: [stmtclose]" in the configuration file, turns the check off.
//
// # Default
//
// On.
//
// # Since
//
// Unreleased: dbleaklint has no release yet.
package stmtclose
