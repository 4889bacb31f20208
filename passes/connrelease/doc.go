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
// released nor hijacked, a *pgx.Conn from pgx.Connect, ConnectConfig or
// Hijack that is not closed, and a *sql.Conn from (*sql.DB).Conn that is
// not closed. A pooled connection that is never released is gone from the
// pool for good: a handful of such paths exhausts it.
//
// For example:
//
//	conn, err := pool.Acquire(ctx)
//	if err != nil {
//		return err
//	}
//	if !allowed(user) {
//		return errForbidden // the connection is never released
//	}
//	defer conn.Release()
//
// The fix is to defer the release right after the error check:
//
//	conn, err := pool.Acquire(ctx)
//	if err != nil {
//		return err
//	}
//	defer conn.Release()
//
// Better still, let AcquireFunc, or the WithConn helper of dbleaklint's
// runtime package, own the connection. A connection returned to the caller
// is the caller's to release; one stored in a struct or passed to a
// function of another package is not followed.
package connrelease
