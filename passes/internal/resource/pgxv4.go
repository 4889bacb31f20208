// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package resource

// The built-in table of github.com/jackc/pgx/v4 v4.18.3 and its
// pgxpool, read from its source. Where v4 behaves as v5 it has the
// same entries:
//
//   - Rows: Close releases; Next returning false closes (connRows.Next,
//     poolRows.Next), and so does a failed Scan (connRows.Scan calls
//     fatal, which closes; poolRows.Scan closes and releases the pooled
//     connection). A failed Query returns rows already closed.
//   - Row, Tx, BatchResults, *pgx.Conn (with PgConn as its handle),
//     *pgxpool.Conn (Release; Hijack hands over a *pgx.Conn) and
//     *pgxpool.Tx, acquired by the same methods as in v5.
//
// Where it does not:
//
//   - v4 has none of v5's row helpers (CollectRows, ForEachRow, ...),
//     nor ConnectWithOptions, nor the package functions BeginFunc and
//     BeginTxFunc.
//   - QueryFunc (on Conn, Tx, Pool, pgxpool.Conn, BatchResults) closes
//     the rows it opens, and BeginFunc / BeginTxFunc (methods of Conn,
//     Tx, Pool and pgxpool.Conn) end the transaction they begin: none
//     returns a resource.
const (
	pgxV4Pkg     = "github.com/jackc/pgx/v4"
	pgxV4PoolPkg = "github.com/jackc/pgx/v4/pgxpool"
)

var pgxV4Types = []Type{
	{Key: pgxV4Pkg + ".Rows", Check: "rowsclose", Noun: "rows", Releases: []string{"Close"},
		Missing: "closed", Fix: "defer %s.Close() after the error check", NextFalseReleases: true, ScanErrorReleases: true},
	{Key: pgxV4Pkg + ".Row", Check: "rowscan", Noun: "row", Releases: []string{"Scan"},
		Missing: "scanned", Fix: "call %s.Scan, or use Exec if no row is wanted"},
	{Key: "*" + pgxV4PoolPkg + ".Conn", Check: "connrelease", Noun: "connection", Releases: []string{"Release", "Hijack"},
		Missing: "released", Fix: "defer %s.Release() after the error check"},
	{Key: "*" + pgxV4Pkg + ".Conn", Check: "connrelease", Noun: "connection", Releases: []string{"Close"},
		Missing: "closed", Fix: "defer %s.Close(ctx) after the error check", Handles: []string{"PgConn"}},
	{Key: pgxV4Pkg + ".Tx", Check: "txend", Noun: "transaction", Releases: []string{"Commit", "Rollback"},
		Missing: "committed or rolled back", Fix: "defer %s.Rollback(ctx) after the error check; it is a no-op after Commit",
		Savepoints: true},
	{Key: "*" + pgxV4PoolPkg + ".Tx", Check: "txend", Noun: "transaction", Releases: []string{"Commit", "Rollback"},
		Missing: "committed or rolled back", Fix: "defer %s.Rollback(ctx) after the error check; it is a no-op after Commit",
		Savepoints: true},
	{Key: pgxV4Pkg + ".BatchResults", Check: "batchclose", Noun: "batch results", Releases: []string{"Close"},
		Missing: "closed", Fix: "defer %s.Close()"},
}

// pgxV4Acquirers adds the acquiring functions of pgx v4 to the table.
func pgxV4Acquirers(acquire func(recv string, methods []string, typ string), table map[string]string) {
	var (
		conn     = "*" + pgxV4Pkg + ".Conn"
		pool     = "*" + pgxV4PoolPkg + ".Pool"
		poolConn = "*" + pgxV4PoolPkg + ".Conn"
	)
	for _, recv := range []string{conn, pool, poolConn, "*" + pgxV4PoolPkg + ".Tx"} {
		acquire(recv, []string{"Query"}, pgxV4Pkg+".Rows")
		acquire(recv, []string{"QueryRow"}, pgxV4Pkg+".Row")
		acquire(recv, []string{"Begin"}, pgxV4Pkg+".Tx")
		acquire(recv, []string{"SendBatch"}, pgxV4Pkg+".BatchResults")
	}
	for _, recv := range []string{conn, pool, poolConn} {
		acquire(recv, []string{"BeginTx"}, pgxV4Pkg+".Tx")
	}
	acquire(pool, []string{"Acquire"}, poolConn)
	acquire(poolConn, []string{"Hijack"}, conn)
	table[pgxV4Pkg+".Connect"] = conn
	table[pgxV4Pkg+".ConnectConfig"] = conn
}
