// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package connrelease defines an Analyzer that reports connections that are not released on every path.
//
// # Analyzer connrelease
//
// connrelease: report connections that are not released on every path
//
// The connrelease analyzer reports connections that some path does not
// give back: a *pgxpool.Conn from (*pgxpool.Pool).Acquire that is neither
// released nor hijacked, a *pgx.Conn from pgx.Connect, ConnectConfig,
// ConnectWithOptions or Hijack that is not closed, and a *sql.Conn from
// (*sql.DB).Conn that is not closed; the same for pgx v4, and sqlx's
// *sqlx.Conn from Connx.
//
// A connection returned to the caller is the caller's to release. One
// stored in a struct, or passed to a function whose ownership of it is
// unknown (a function value, an interface method), is not followed
// (-connrelease.debug says so, -connrelease.strict assumes that such a
// function only borrows it).
//
// # Why it matters
//
// A pooled connection that is never released is gone from the pool for
// good: a handful of such paths exhausts it, and every later Acquire
// waits. The same holds for a *sql.Conn, which only Close gives back to
// the pool of its *sql.DB. A *pgx.Conn that is not closed keeps its
// session open on the server.
//
// # Example
//
//	func export(ctx context.Context, pool *pgxpool.Pool, user string) error {
//		conn, err := pool.Acquire(ctx)
//		if err != nil {
//			return err
//		}
//		if !allowed(user) {
//			return errForbidden // the connection is never released
//		}
//		defer conn.Release()
//		return dump(ctx, conn)
//	}
//
// is reported at Acquire: "connection conn from pool.Acquire is not
// released on the path that returns at export.go:7; defer conn.Release()
// after the error check".
//
// # Fix
//
// Defer the release right after the error check:
//
//	conn, err := pool.Acquire(ctx)
//	if err != nil {
//		return err
//	}
//	defer conn.Release()
//	if !allowed(user) {
//		return errForbidden
//	}
//	return dump(ctx, conn)
//
// Better still, let (*pgxpool.Pool).AcquireFunc, or the WithConn helper of
// dbleaklint's runtime package, own the connection. dbleaklint -fix
// inserts the deferred release (conn.Release(), conn.Close(ctx) for a
// *pgx.Conn, conn.Close() for a *sql.Conn) where that is mechanical: the
// acquisition is a statement of its own outside any loop, directly
// followed by its error check, and the connection is only used locally.
// It removes an explicit release that the deferred one provably makes
// redundant (the same call, right before the function returns).
//
// # Silencing
//
// Put a //dbleaklint:ignore directive with the reason at the end of the
// line of the acquisition, or in the doc comment of the function:
//
//	conn, err := pool.Acquire(ctx) //dbleaklint:ignore released by the listener's Close
//
// Under golangci-lint, //nolint:dbleaklint works too. -connrelease=false,
// or "disable: [connrelease]" in the configuration file, turns the check
// off.
//
// # Default
//
// On.
//
// # Since
//
// Unreleased: dbleaklint has no release yet.
package connrelease
