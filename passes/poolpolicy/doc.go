// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package poolpolicy defines an Analyzer that enforces the use of the
// scoped helpers of dbleaklint's runtime package for pgxpool.
//
// # Analyzer poolpolicy
//
// poolpolicy: with -poolpolicy.enforce, report raw pgxpool acquisitions outside the allowed packages
//
// The poolpolicy analyzer is opt-in (-poolpolicy.enforce). It reports
// each use, call or method value, of these methods of *pgxpool.Pool
// outside the packages allowed to use them:
//
//   - Acquire: use (*dbleakrt.Pool).WithConn
//   - Begin, BeginTx: use (*dbleakrt.Pool).WithTx
//   - Query, QueryRow: use (*dbleakrt.Pool).WithConn and query on its connection
//   - SendBatch: use (*dbleakrt.Pool).WithConn or WithTx and send on it
//
// dbleakrt is github.com/dbleaklint/dbleaklint/runtime. The runtime
// package and its subpackages are always allowed; -poolpolicy.allow adds
// a comma-separated list of package paths, where a trailing "/..."
// matches a whole subtree (for example "example.com/app/internal/db/...").
// A package's tests count as the package. Methods that cannot leave a
// connection checked out are not reported: Exec, CopyFrom, Ping and
// AcquireFunc (which is scoped, like WithConn), and neither is
// AcquireAllIdle, which serves health checks.
//
// The scopeescape check, which always runs, makes sure in turn that the
// connection or transaction a helper hands to its callback does not
// outlive the callback.
//
// # Why it matters
//
// The other checks find a forgotten release after the fact; the scoped
// helpers make it impossible. WithConn and WithTx release, commit and roll
// back in one place, so that no new branch of the caller can leak, and
// this check keeps code from going around them.
//
// # Example
//
// With -poolpolicy.enforce, a raw acquisition
//
//	conn, err := pgxPool.Acquire(ctx)
//
// is reported as "raw (*pgxpool.Pool).Acquire outside the allowed
// packages; use (*dbleakrt.Pool).WithConn so the connection is always
// released".
//
// # Fix
//
// Replace a raw acquisition by the helper its message names:
//
//	err := pool.WithConn(ctx, func(conn *pgxpool.Conn) error {
//		_, err := conn.Exec(ctx, "LISTEN jobs")
//		return err
//	})
//
// or, for a package whose job is to manage connections by hand, add it
// to -poolpolicy.allow.
//
// # Silencing
//
// Mark the line of the raw call with
//
//	//dbleaklint:ignore <reason>
//
// as for every check, or silence a whole function from its doc comment.
// For a package whose job is to manage connections by hand, prefer
// -poolpolicy.allow (or "pool-policy: {allow: [...]}" in the
// configuration file). Under golangci-lint, //nolint:dbleaklint
// silences any finding.
//
// # Default
//
// Off: the check reports nothing without -poolpolicy.enforce.
//
// # Since
//
// Unreleased: dbleaklint has no release yet.
package poolpolicy
