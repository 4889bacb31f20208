// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package batchclose defines an Analyzer that reports pgx batch results that are not closed on every path.
//
// # Analyzer batchclose
//
// batchclose: report pgx batch results that are not closed on every path
//
// The batchclose analyzer reports pgx.BatchResults from SendBatch on a
// pool, connection or transaction that some path does not close.
//
// # Why it matters
//
// Until the results are closed the connection is busy: with a pool it is
// never returned, with a connection or transaction every later query
// fails. Two traps of pgx (read in v5.12.0's source) lead there: closing
// the rows of BatchResults.Query closes that result only, not the batch,
// so the batch must still be closed; and a failed Exec does not close the
// batch either, so returning on its error without Close keeps the pooled
// connection. pgx v4's batches behave the same.
//
// # Example
//
//	func send(ctx context.Context, pool *pgxpool.Pool, batch *pgx.Batch) error {
//		br := pool.SendBatch(ctx, batch)
//		for range batch.Len() {
//			if _, err := br.Exec(); err != nil {
//				return err // the batch results stay open
//			}
//		}
//		return br.Close()
//	}
//
// is reported at SendBatch: "batch results br from pool.SendBatch is not
// closed on the path that returns at batch.go:5; defer br.Close()".
//
// # Fix
//
// Defer br.Close() right after SendBatch. Closing again does nothing, so
// the explicit br.Close() at the end still reports the batch's error:
//
//	br := pool.SendBatch(ctx, batch)
//	defer br.Close()
//	for range batch.Len() {
//		if _, err := br.Exec(); err != nil {
//			return err
//		}
//	}
//	return br.Close()
//
// dbleaklint -fix inserts the deferred Close where that is mechanical:
// SendBatch is a statement of its own outside any loop, and the results
// are only used locally.
//
// # Silencing
//
// Put a //dbleaklint:ignore directive with the reason at the end of the
// line of SendBatch, or in the doc comment of the function. Under
// golangci-lint, //nolint:dbleaklint works too. -batchclose=false, or
// "disable: [batchclose]" in the configuration file, turns the check off.
//
// # Default
//
// On.
//
// # Since
//
// Unreleased: dbleaklint has no release yet.
package batchclose
