// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package resource

import "github.com/dbleaklint/dbleaklint/passes/internal/check"

// The built-in table of github.com/jmoiron/sqlx v1.4.0, read from its
// source:
//
//   - Rows, Tx, Conn and Stmt embed *sql.Rows, *sql.Tx, *sql.Conn and
//     *sql.Stmt: they are released through the promoted Close, Commit
//     and Rollback, and rows.Next() returning false closes the rows as
//     database/sql's do. Rows.StructScan, MapScan and SliceScan only scan.
//   - Row holds the *sql.Rows of a query: Scan, StructScan, MapScan and
//     SliceScan close them (Scan by a defer, the others through
//     scanAny or Scan). When the query failed, Err is non-nil and the
//     row holds nothing.
//   - NamedStmt holds a *Stmt; its own Close closes it.
//   - MustBegin and MustBeginTx panic instead of returning an error.
//   - Unsafe (on Tx, Stmt, NamedStmt) returns a copy over the same
//     *sql.Tx or *sql.Stmt: a handle of the resource, not a new one.
//   - Statements prepared on a Tx close with it (database/sql's
//     contract), so Tx.Preparex, Tx.Stmtx and Tx.PrepareNamed carry no
//     obligation; nor do the package functions Preparex and
//     PreparexContext called with a transaction.
//   - Select and Get (methods and functions) close the rows they open.
//
// Methods reached by embedding (sqlxDB.Query, tx.Commit) are the
// database/sql methods themselves in SSA, so database/sql's table
// covers them.
const sqlxPkg = "github.com/jmoiron/sqlx"

var sqlxTypes = []Type{
	{Key: "*" + sqlxPkg + ".Rows", Check: check.RowsClose, Noun: "rows", Releases: []string{"Close"},
		Missing: "closed", Fix: "defer %s.Close() after the error check", NextFalseReleases: true, Embedded: "Rows"},
	{Key: "*" + sqlxPkg + ".Row", Check: check.RowScan, Noun: "row", Releases: []string{"Scan", "StructScan", "MapScan", "SliceScan"},
		Missing: "scanned", Fix: "call %s.Scan or StructScan, or use Exec if no row is wanted", ErrMeansEmpty: true},
	{Key: "*" + sqlxPkg + ".Tx", Check: check.TxEnd, Noun: "transaction", Releases: []string{"Commit", "Rollback"},
		Missing: "committed or rolled back", Fix: "defer %s.Rollback() after the error check; it is a no-op after Commit", Embedded: "Tx",
		Handles: []string{"Unsafe"}},
	{Key: "*" + sqlxPkg + ".Conn", Check: check.ConnRelease, Noun: "connection", Releases: []string{"Close"},
		Missing: "closed", Fix: "defer %s.Close() after the error check", Embedded: "Conn"},
	{Key: "*" + sqlxPkg + ".Stmt", Check: check.StmtClose, Noun: "statement", Releases: []string{"Close"},
		Missing: "closed", Fix: "defer %s.Close() after the error check", Embedded: "Stmt", Handles: []string{"Unsafe"}},
	{Key: "*" + sqlxPkg + ".NamedStmt", Check: check.StmtClose, Noun: "statement", Releases: []string{"Close"},
		Missing: "closed", Fix: "defer %s.Close() after the error check", Handles: []string{"Unsafe"}},
}

// sqlxAcquirers adds the acquiring functions of sqlx to the table.
func sqlxAcquirers(acquire func(recv string, methods []string, typ string), table map[string]string) {
	var (
		db        = "*" + sqlxPkg + ".DB"
		tx        = "*" + sqlxPkg + ".Tx"
		conn      = "*" + sqlxPkg + ".Conn"
		stmt      = "*" + sqlxPkg + ".Stmt"
		namedStmt = "*" + sqlxPkg + ".NamedStmt"
		rows      = "*" + sqlxPkg + ".Rows"
		row       = "*" + sqlxPkg + ".Row"
	)
	acquire(db, []string{"Queryx", "QueryxContext", "NamedQuery", "NamedQueryContext"}, rows)
	acquire(tx, []string{"Queryx", "QueryxContext", "NamedQuery"}, rows)
	acquire(conn, []string{"QueryxContext"}, rows)
	acquire(stmt, []string{"Queryx", "QueryxContext"}, rows)
	acquire(namedStmt, []string{"Queryx", "QueryxContext"}, rows)
	acquire(namedStmt, []string{"Query", "QueryContext"}, "*"+sqlPkg+".Rows")

	acquire(db, []string{"QueryRowx", "QueryRowxContext"}, row)
	acquire(tx, []string{"QueryRowx", "QueryRowxContext"}, row)
	acquire(conn, []string{"QueryRowxContext"}, row)
	acquire(stmt, []string{"QueryRowx", "QueryRowxContext"}, row)
	acquire(namedStmt, []string{"QueryRow", "QueryRowContext", "QueryRowx", "QueryRowxContext"}, row)

	acquire(db, []string{"Beginx", "BeginTxx", "MustBegin", "MustBeginTx"}, tx)
	acquire(conn, []string{"BeginTxx"}, tx)
	acquire(db, []string{"Connx"}, conn)
	acquire(db, []string{"Preparex", "PreparexContext"}, stmt)
	acquire(conn, []string{"PreparexContext"}, stmt)
	acquire(db, []string{"PrepareNamed", "PrepareNamedContext"}, namedStmt)

	table[sqlxPkg+".NamedQuery"] = rows
	table[sqlxPkg+".NamedQueryContext"] = rows
	table[sqlxPkg+".Preparex"] = stmt
	table[sqlxPkg+".PreparexContext"] = stmt
}

// sqlxIfaceAcquirers are sqlx's acquiring method names, for calls
// through its interfaces (Queryer, QueryerContext, Ext, ExtContext) and
// the user's own.
var sqlxIfaceAcquirers = []string{
	"Queryx", "QueryxContext", "QueryRowx", "QueryRowxContext",
	"NamedQuery", "NamedQueryContext", "Beginx", "BeginTxx",
}

// stmtOnArg maps the package functions that prepare a statement on the
// value they are passed to the index of that argument: a statement
// prepared on a transaction closes with it.
var stmtOnArg = map[string]int{
	sqlxPkg + ".Preparex":        0,
	sqlxPkg + ".PreparexContext": 1,
}

// acquireNothing are the methods of sqlx that return nothing to
// release, whatever sqlx's own code looks like to the analysis
// (prepareNamed and Unsafe build a fresh struct): the statements of a
// transaction close with it, and Unsafe returns a handle of its
// receiver.
var acquireNothing = map[string]bool{
	"(*" + sqlxPkg + ".Tx).Unsafe":              true,
	"(*" + sqlxPkg + ".Stmt).Unsafe":            true,
	"(*" + sqlxPkg + ".NamedStmt).Unsafe":       true,
	"(*" + sqlxPkg + ".Tx).Preparex":            true,
	"(*" + sqlxPkg + ".Tx).PreparexContext":     true,
	"(*" + sqlxPkg + ".Tx).PrepareNamed":        true,
	"(*" + sqlxPkg + ".Tx).PrepareNamedContext": true,
	"(*" + sqlxPkg + ".Tx).Stmtx":               true,
	"(*" + sqlxPkg + ".Tx).StmtxContext":        true,
	"(*" + sqlxPkg + ".Tx).NamedStmt":           true,
	"(*" + sqlxPkg + ".Tx).NamedStmtContext":    true,
}
