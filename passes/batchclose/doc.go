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
// pool, connection or transaction that some path does not close. Until
// the results are closed the connection is busy: with a pool it is never
// returned, with a connection or transaction every later query fails.
//
// For example:
//
//	br := pool.SendBatch(ctx, batch)
//	for range batch.Len() {
//		if _, err := br.Exec(); err != nil {
//			return err // the batch results stay open
//		}
//	}
//	return br.Close()
//
// The fix is to defer br.Close() right after SendBatch.
package batchclose
