// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package nestedacquire defines an Analyzer that reports a connection
// taken from a pool while one of the same pool is held.
//
// # Analyzer nestedacquire
//
// nestedacquire: report acquiring from a pool while holding one of its connections
//
// The nestedacquire analyzer reports a call that takes a connection from
// a pool on a path where a connection or transaction of the same pool is
// held: between pool.Acquire and Release, between Begin and Commit or
// Rollback, inside the callback of a scoped helper (pool.AcquireFunc,
// pgx.BeginFunc, pgx.BeginTxFunc, pgx v4's pool.BeginFunc and
// BeginTxFunc, and the runtime package's WithConn and WithTx), or while
// a *sql.Tx or *sql.Conn of a *sql.DB (or an *sqlx.Tx or *sqlx.Conn of
// an *sqlx.DB) is open, or one returned by a function that took it from
// the one pool it takes from (a repository's begin(ctx) helper). The calls that take a connection are the pool's
// Query, QueryRow, Exec, Begin, BeginTx, Acquire, SendBatch, CopyFrom
// and Ping (pgxpool v5 and v4), database/sql's Query, QueryRow, Exec,
// Begin, BeginTx, Conn, Prepare and Ping (with their Context forms),
// sqlx's Queryx, Select, Get, NamedExec, Beginx, Connx and the like,
// and any function that takes one from the pool it is passed, or from a
// field of the value it is passed (a method using s.pool), in this
// package or another one (through its ownership fact).
//
// The finding is reported at the inner call; it names the held
// connection or transaction and where it was taken.
//
// # Why it matters
//
// A pool of N connections serves N requests at once. When each request
// holds one connection and asks the same pool for a second, N
// concurrent requests take all N connections and then each waits for a
// second that never comes: the pool is exhausted, and every request
// times out, as surely as with a leak. It happens only under load, so
// tests rarely see it.
//
// # Example
//
//	conn, err := s.pool.Acquire(ctx)
//	if err != nil {
//		return err
//	}
//	defer conn.Release()
//	var n int
//	err = s.pool.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n)
//
// is reported at s.pool.QueryRow: "s.pool.QueryRow takes another
// connection from the pool while connection conn from s.pool.Acquire
// (users.go:17) holds one of it: with as many concurrent calls as the
// pool has connections, each holds one and waits for a second, and the
// pool deadlocks; use conn instead, or release it first".
//
// # Fix
//
// Run the query on the connection or transaction already held
// (conn.QueryRow, tx.QueryRow), or release it before taking another.
//
// # What is not reported
//
// Queries on the held connection or transaction; a call on the pool
// after the release, or on the error path where nothing was taken; a
// call on a different pool; and a call on a pool that cannot be shown
// to be the same one: two pools are the same when they are the same
// variable, parameter or call result, or the same field of the same
// value (s.pool and s.pool), followed into closures and through the
// *sql.DB that an *sqlx.DB embeds. Rows held open (iterating over
// pool.Query while querying the pool again) are not holds here. Nor is
// code in _test.go files reported: tests hold several connections of a
// pool on purpose, to see what the pool does then, and serve no
// concurrent requests.
//
// # Silencing
//
// Put a //dbleaklint:ignore directive with the reason at the end of the
// line of the inner call, or in the doc comment of the function (a pool
// sized for it, for example). Under golangci-lint, //nolint:dbleaklint
// works too. -nestedacquire=false, or "disable: [nestedacquire]" in the
// configuration file, turns the check off.
//
// # Default
//
// On.
//
// # Since
//
// Unreleased: dbleaklint has no release yet.
package nestedacquire
