// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package deferloop defines an Analyzer that reports releases deferred inside a loop.
//
// # Analyzer deferloop
//
// deferloop: report releases deferred inside a loop
//
// The deferloop analyzer reports a release of a database resource
// (rows.Close, conn.Release, tx.Rollback, stmt.Close, ...) deferred inside
// a loop. Deferred calls run when the function returns, not when the
// iteration ends, so each iteration holds one more resource: a loop over
// a thousand items holds a thousand rows, or tries to check out a
// thousand pooled connections.
//
// For example:
//
//	for _, id := range ids {
//		rows, err := db.QueryContext(ctx, q, id)
//		if err != nil {
//			return err
//		}
//		defer rows.Close() // runs only when the function returns
//		...
//	}
//
// The fix is to release the resource at the end of each iteration, or to
// move the loop body into a function of its own, where the defer belongs:
//
//	for _, id := range ids {
//		if err := process(ctx, db, id); err != nil {
//			return err
//		}
//	}
package deferloop
