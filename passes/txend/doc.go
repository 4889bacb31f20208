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
// path commits.
//
// A deferred closure that commits or rolls back (the commit-or-rollback
// idiom over a named error result) counts as ending the transaction, as
// do pgx.BeginFunc and the WithTx helper of dbleaklint's runtime package.
// A transaction returned to the caller is the caller's to end. One
// stored in a field, passed to a function whose ownership of it is
// unknown, or returned by a call together with a function (tx, cleanup,
// err := newTx(ctx), where the function ends it) is not followed
// (-txend.debug says so).
//
// A pgx savepoint (Begin on a transaction) holds nothing of its own and
// ends with its parent: it is reported only where the parent is
// borrowed (a parameter) and the function returns with the savepoint
// open, which its caller cannot end. Left open under a parent that this
// function commits or rolls back, it is reported in strict mode only.
//
// # Why it matters
//
// An open transaction holds its connection and its locks: other
// transactions wait on the rows it wrote, and the pool loses the
// connection. Context cancellation rolls back a database/sql transaction
// begun with BeginTx, but not a pgx one; the analyzer reports both, since
// relying on cancellation holds the connection until the context ends.
// A transaction begun on a *pgxpool.Conn and still open when the
// connection is released costs the pool that connection: Release
// destroys a connection that is not idle rather than reuse it. The
// transactions of sqlx (*sqlx.Tx from Beginx, BeginTxx, MustBegin) and
// of pgx v4 are reported as those of database/sql and pgx v5.
//
// # Example
//
//	func transfer(ctx context.Context, pool *pgxpool.Pool, from string, amount int64) error {
//		tx, err := pool.Begin(ctx)
//		if err != nil {
//			return err
//		}
//		if err := debit(ctx, tx, from, amount); err != nil {
//			return err // the transaction stays open
//		}
//		return tx.Commit(ctx)
//	}
//
// is reported at Begin: "transaction tx from pool.Begin is not committed
// or rolled back on the path that returns at transfer.go:7; defer
// tx.Rollback(ctx) after the error check; it is a no-op after Commit".
//
// # Fix
//
// Defer Rollback right after the error check; after a successful Commit
// it does nothing:
//
//	tx, err := pool.Begin(ctx)
//	if err != nil {
//		return err
//	}
//	defer tx.Rollback(ctx)
//	if err := debit(ctx, tx, from, amount); err != nil {
//		return err
//	}
//	return tx.Commit(ctx)
//
// dbleaklint -fix inserts the deferred Rollback (tx.Rollback() for
// database/sql) where that is mechanical: Begin is a statement of its own
// outside any loop, directly followed by its error check, and the
// transaction is only used locally. It removes an explicit Rollback that
// the deferred one provably makes redundant (the same call, right before
// the function returns), never a Commit.
//
// # Silencing
//
// Put a //dbleaklint:ignore directive with the reason at the end of the
// line of Begin, or in the doc comment of the function. Under
// golangci-lint, //nolint:dbleaklint works too. -txend=false, or
// "disable: [txend]" in the configuration file, turns the check off.
//
// # Default
//
// On.
//
// # Since
//
// Unreleased: dbleaklint has no release yet.
package txend
