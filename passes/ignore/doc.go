// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package ignore defines an Analyzer that reports //dbleaklint:ignore directives that give no reason or silence nothing.
//
// # Analyzer ignore
//
// ignore: report //dbleaklint:ignore directives that give no reason or silence nothing
//
// The leak checks of dbleaklint honor the suppression directive
//
//	//dbleaklint:ignore <reason>
//
// and the ignore analyzer keeps the directives honest. It reports a
// directive that gives no reason, a directive that silences no finding
// (the code was fixed, or the directive is on the wrong line), and a
// //dbleaklint: comment that is not a known directive. Each is reported
// once, by this analyzer, however many checks run.
//
// # Why it matters
//
// A suppression is a claim that a finding is wrong or acceptable. The
// reason is for the next reader, who must decide whether the claim
// still holds. A directive that silences nothing hides the next real
// leak written on its line, and tells readers that something there
// needs silencing.
//
// # Where a directive applies
//
// Write it as Go directives are written, with no space after the
// slashes. It silences the findings of every leak check reported
//
//   - on its own line, when it ends a line of code;
//   - on the next line, when it stands on a line of its own;
//   - anywhere in a function, closures included, when it is part of the
//     function's doc comment.
//
// A finding is reported at the call that acquires the resource (for
// deferloop, at the defer statement): that line is the one to mark. A
// directive on the line wins over one on the function, which is then
// reported unused if it silences nothing else. A directive is used when
// the analysis has a finding at its place, in any mode and for any
// check, enabled or not: turning a check off, or running without
// -CHECK.strict, does not make its directives unused (poolpolicy's
// findings count only where -poolpolicy.enforce applies).
// sqlrowserr, which comes from x/tools, does not read the directive:
// one on the line of its finding silences nothing and is reported
// unused.
//
// # Example
//
//	func export(ctx context.Context, pool *pgxpool.Pool) error {
//		conn, err := pool.Acquire(ctx) //dbleaklint:ignore
//		...
//	}
//
//	//dbleaklint:ignore the connection is released by the exporter's Close
//	func lookup(ctx context.Context, pool *pgxpool.Pool, id int64) error {
//		row := pool.QueryRow(ctx, q, id)
//		return row.Scan(&name)
//	}
//
// The first directive needs a reason; the second silences nothing,
// since the row is scanned.
//
// # Fix
//
// Give the reason:
//
//	conn, err := pool.Acquire(ctx) //dbleaklint:ignore handed to the exporter, which releases it in Close
//
// and delete a directive that silences nothing: dbleaklint -fix deletes
// it for you.
//
// # Silencing
//
// The reports of this analyzer cannot be silenced by a directive. Turn
// the analyzer off with -ignore=false; the directives still silence
// the other checks' findings.
//
// # Default
//
// On.
//
// # Since
//
// Unreleased: dbleaklint has no release yet.
package ignore
