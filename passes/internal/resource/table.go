// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package resource

// The built-in table: the contracts of database/sql (Go 1.26) and pgx
// v5.12.0, as docs/design.md section 3 states them, plus sqlx (sqlx.go)
// and pgx v4 (pgxv4.go).

const (
	sqlPkg  = "database/sql"
	pgxPkg  = "github.com/jackc/pgx/v5"
	poolPkg = "github.com/jackc/pgx/v5/pgxpool"
)

var builtinTypes = []Type{
	// A non-nil Rows.Err means the rows are closed, or being closed by
	// database/sql itself: it is the error close recorded, or the
	// context's, whose end makes awaitDone close them.
	{Key: "*" + sqlPkg + ".Rows", Check: "rowsclose", Noun: "rows", Releases: []string{"Close"},
		Missing: "closed", Fix: "defer %s.Close() after the error check", NextFalseReleases: true, ErrMeansEmpty: true},
	{Key: pgxPkg + ".Rows", Check: "rowsclose", Noun: "rows", Releases: []string{"Close"},
		Missing: "closed", Fix: "defer %s.Close() after the error check", NextFalseReleases: true, ScanErrorReleases: true},
	{Key: "*" + sqlPkg + ".Row", Check: "rowscan", Noun: "row", Releases: []string{"Scan"},
		Missing: "scanned", Fix: "call %s.Scan, or use Exec if no row is wanted", ErrMeansEmpty: true},
	{Key: pgxPkg + ".Row", Check: "rowscan", Noun: "row", Releases: []string{"Scan"},
		Missing: "scanned", Fix: "call %s.Scan, or use Exec if no row is wanted"},
	{Key: "*" + poolPkg + ".Conn", Check: "connrelease", Noun: "connection", Releases: []string{"Release", "Hijack"},
		Missing: "released", Fix: "defer %s.Release() after the error check"},
	{Key: "*" + pgxPkg + ".Conn", Check: "connrelease", Noun: "connection", Releases: []string{"Close"},
		Missing: "closed", Fix: "defer %s.Close(ctx) after the error check", Handles: []string{"PgConn"}},
	{Key: "*" + sqlPkg + ".Conn", Check: "connrelease", Noun: "connection", Releases: []string{"Close"},
		Missing: "closed", Fix: "defer %s.Close() after the error check"},
	{Key: pgxPkg + ".Tx", Check: "txend", Noun: "transaction", Releases: []string{"Commit", "Rollback"},
		Missing: "committed or rolled back", Fix: "defer %s.Rollback(ctx) after the error check; it is a no-op after Commit",
		Savepoints: true},
	{Key: "*" + poolPkg + ".Tx", Check: "txend", Noun: "transaction", Releases: []string{"Commit", "Rollback"},
		Missing: "committed or rolled back", Fix: "defer %s.Rollback(ctx) after the error check; it is a no-op after Commit",
		Savepoints: true},
	{Key: "*" + sqlPkg + ".Tx", Check: "txend", Noun: "transaction", Releases: []string{"Commit", "Rollback"},
		Missing: "committed or rolled back", Fix: "defer %s.Rollback() after the error check; it is a no-op after Commit",
		EndClosesResults: true},
	{Key: "*" + sqlPkg + ".Stmt", Check: "stmtclose", Noun: "statement", Releases: []string{"Close"},
		Missing: "closed", Fix: "defer %s.Close() after the error check"},
	{Key: pgxPkg + ".BatchResults", Check: "batchclose", Noun: "batch results", Releases: []string{"Close"},
		Missing: "closed", Fix: "defer %s.Close()"},
}

// builtinAcquirers maps the FullName of each acquiring function to the
// key of the resource type of its first result.
var builtinAcquirers = acquirerTable()

// acquirerTable builds builtinAcquirers. It is a function rather than
// an init so that Default, built from it, is initialized after it.
func acquirerTable() map[string]string {
	builtinAcquirers := make(map[string]string)
	acquire := func(recv string, methods []string, typ string) {
		for _, m := range methods {
			builtinAcquirers["("+recv+")."+m] = typ
		}
	}
	var (
		sqlRows  = "*" + sqlPkg + ".Rows"
		sqlRow   = "*" + sqlPkg + ".Row"
		sqlTx    = "*" + sqlPkg + ".Tx"
		sqlStmt  = "*" + sqlPkg + ".Stmt"
		pgxRows  = pgxPkg + ".Rows"
		pgxRow   = pgxPkg + ".Row"
		pgxTx    = pgxPkg + ".Tx"
		pgxBatch = pgxPkg + ".BatchResults"
	)
	// database/sql. Statements prepared on a Tx close with it, so
	// Tx.Prepare and Tx.Stmt carry no obligation and are absent.
	for _, recv := range []string{"*" + sqlPkg + ".DB", "*" + sqlPkg + ".Conn", sqlTx, sqlStmt} {
		acquire(recv, []string{"Query", "QueryContext"}, sqlRows)
		acquire(recv, []string{"QueryRow", "QueryRowContext"}, sqlRow)
	}
	acquire("*"+sqlPkg+".DB", []string{"Begin", "BeginTx"}, sqlTx)
	acquire("*"+sqlPkg+".Conn", []string{"BeginTx"}, sqlTx)
	acquire("*"+sqlPkg+".DB", []string{"Prepare", "PrepareContext"}, sqlStmt)
	acquire("*"+sqlPkg+".Conn", []string{"PrepareContext"}, sqlStmt)
	acquire("*"+sqlPkg+".DB", []string{"Conn"}, "*"+sqlPkg+".Conn")

	// pgx and pgxpool: the concrete receivers. Interface receivers
	// (pgx.Tx, BatchResults, user interfaces) go through ifaceAcquirers.
	for _, recv := range []string{"*" + pgxPkg + ".Conn", "*" + poolPkg + ".Pool", "*" + poolPkg + ".Conn", "*" + poolPkg + ".Tx"} {
		acquire(recv, []string{"Query"}, pgxRows)
		acquire(recv, []string{"QueryRow"}, pgxRow)
		acquire(recv, []string{"Begin"}, pgxTx)
		acquire(recv, []string{"SendBatch"}, pgxBatch)
	}
	for _, recv := range []string{"*" + pgxPkg + ".Conn", "*" + poolPkg + ".Pool", "*" + poolPkg + ".Conn"} {
		acquire(recv, []string{"BeginTx"}, pgxTx)
	}
	acquire("*"+poolPkg+".Pool", []string{"Acquire"}, "*"+poolPkg+".Conn")
	acquire("*"+poolPkg+".Conn", []string{"Hijack"}, "*"+pgxPkg+".Conn")
	builtinAcquirers[pgxPkg+".Connect"] = "*" + pgxPkg + ".Conn"
	builtinAcquirers[pgxPkg+".ConnectConfig"] = "*" + pgxPkg + ".Conn"
	builtinAcquirers[pgxPkg+".ConnectWithOptions"] = "*" + pgxPkg + ".Conn"

	sqlxAcquirers(acquire, builtinAcquirers)
	pgxV4Acquirers(acquire, builtinAcquirers)
	return builtinAcquirers
}

// builtinIfaceAcquirers are the method names that acquire when called
// through an interface whose method returns a resource type.
var builtinIfaceAcquirers = []string{
	"Query", "QueryContext", "QueryRow", "QueryRowContext",
	"Begin", "BeginTx", "SendBatch", "Acquire",
}

// builtinReleasers are the functions that release one of their
// arguments as a side effect, with the argument's index.
var builtinReleasers = map[string]int{
	pgxPkg + ".CollectRows":          0,
	pgxPkg + ".CollectOneRow":        0,
	pgxPkg + ".CollectExactlyOneRow": 0,
	pgxPkg + ".ForEachRow":           0,
	pgxPkg + ".AppendRows":           1,
}

// builtinBorrowers are the library functions that take a resource as
// an argument and leave it to the caller, with the argument's index (a
// method's receiver is argument 0). Tx.Stmt and Tx.StmtContext return
// a transaction-bound copy of the statement, closed with the
// transaction; the statement they are handed is still open.
var builtinBorrowers = map[string]int{
	"(*" + sqlPkg + ".Tx).Stmt":        1,
	"(*" + sqlPkg + ".Tx).StmtContext": 2,
}

// builtinRoots are the packages that declare the built-in resource
// types: only they and their importers can hold one. Their subpackages
// are not roots: database/sql/driver, pgconn and pgtype declare no
// resource, and much code that never sees one imports them
// (github.com/google/uuid imports database/sql/driver).
var builtinRoots = []string{sqlPkg, pgxPkg, poolPkg, sqlxPkg, pgxV4Pkg, pgxV4PoolPkg}

// Builtin returns the model of database/sql, pgx v5, sqlx and pgx v4.
func Builtin() *Model {
	m := &Model{
		types:          make(map[string]*Type),
		acquirers:      make(map[string]string),
		releasers:      make(map[string]int),
		borrowers:      make(map[string]int),
		ifaceAcquirers: make(map[string]bool),
		roots:          append([]string(nil), builtinRoots...),
	}
	for _, table := range [][]Type{builtinTypes, sqlxTypes, pgxV4Types} {
		for i := range table {
			t := table[i]
			m.types[t.Key] = &t
		}
	}
	for k, v := range builtinAcquirers {
		m.acquirers[k] = v
	}
	for k, v := range builtinReleasers {
		m.releasers[k] = v
	}
	for k, v := range builtinBorrowers {
		m.borrowers[k] = v
	}
	for _, name := range append(builtinIfaceAcquirers, sqlxIfaceAcquirers...) {
		m.ifaceAcquirers[name] = true
	}
	return m
}
