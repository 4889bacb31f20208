// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package txend defines an Analyzer that reports transactions that are neither committed nor rolled back on every path.
//
// # Analyzer txend
//
// txend: report transactions that are neither committed nor rolled back on every path
//
// The txend analyzer reports a pgx.Tx or *sql.Tx, from Begin or BeginTx
// on a pool, connection or transaction, that some path leaves open: most
// often an error branch that returns without Rollback while the happy
// path commits. An open transaction holds its connection and its locks.
// Context cancellation rolls back a database/sql transaction begun with
// BeginTx, but not a pgx one; the analyzer reports both, since relying on
// cancellation holds the connection until the context ends.
//
// For example:
//
//	tx, err := pool.Begin(ctx)
//	if err != nil {
//		return err
//	}
//	if err := debit(ctx, tx, from, amount); err != nil {
//		return err // the transaction stays open
//	}
//	return tx.Commit(ctx)
//
// The fix is to defer Rollback right after the error check; after a
// successful Commit it does nothing:
//
//	tx, err := pool.Begin(ctx)
//	if err != nil {
//		return err
//	}
//	defer tx.Rollback(ctx)
//
// A deferred closure that commits or rolls back (the commit-or-rollback
// idiom over a named error result) counts as ending the transaction, as
// do pgx.BeginFunc and the WithTx helper of dbleaklint's runtime package.
package txend
