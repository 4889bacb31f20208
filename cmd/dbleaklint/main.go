// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Command dbleaklint finds database resources (pgx v5, pgxpool and
// database/sql connections, rows, transactions, statements and batch
// results) that are not released on every path.
//
// Usage:
//
//	dbleaklint [flags] [packages]        (default ./...)
//	dbleaklint help [check]
//	go vet -vettool=$(command -v dbleaklint) [flags] packages
//	go fix -fixtool=$(command -v dbleaklint) packages
//
// Standalone, it parses and type-checks only the packages that can hold
// a database resource (those whose imports reach database/sql or pgx,
// or a package of a configured resource); every other package is read
// from the compiler's export data, or type-checked from its declarations
// if it is not compiled yet. It caches each package's findings
// ($DBLEAKLINT_CACHE, default dbleaklint under the user cache directory;
// -cache=off), as the go command does under go vet, so that a repeated
// run on unchanged code only analyzes what changed.
//
// Output is text on stderr (-c=N adds N lines of context), or on stdout
// with -format=json (x/tools' JSON tree, also -json), -format=sarif
// (SARIF 2.1.0 for code scanning) or -format=github (workflow commands
// that annotate a pull request). -baseline=FILE reports only findings
// that FILE does not list; -update-baseline writes FILE instead. -fix
// applies the suggested fixes; -diff prints them as a unified diff.
//
// The configuration file is -config=FILE, or else the first
// .dbleaklint.yml found in the working directory or a parent (under go
// vet: the package's directory or a parent; give -config an absolute
// path there, as go vet runs the tool in each package's directory).
// -config=none disables the search. Flags given on the command line win
// over the file.
//
// -fix reports each fix it applies on a line of its own on stderr,
// "file:line: fixed: what it did", where the line is the finding's.
// -help prints the usage and the flags; -version prints the module
// version and the Go version the binary was built with.
//
// Exit status: 0 no findings (with -fix: none left; with -format=json:
// even with findings, as with x/tools' drivers); 1 errors, such as a
// package that does not load or type-check, an analysis error or a file
// that -fix cannot write, which win over findings; 2 usage or
// configuration errors; 3 findings reported (with -baseline: new
// findings; with -fix: the findings it could not fix; with -diff: any
// finding, as -diff changes nothing). Under go vet and go fix, the go
// command decides the status.
package main

import "os"

// Exit statuses.
const (
	exitOK       = 0
	exitErrors   = 1 // load, type or analysis errors
	exitUsage    = 2 // bad flags, bad configuration
	exitFindings = 3 // findings reported
)

func main() {
	args := os.Args[1:]
	if isVetInvocation(args) {
		runVetTool(args) // does not return
	}
	os.Exit(runStandalone(args, os.Stdout, os.Stderr))
}

// progname prefixes the command's own error lines.
const progname = "dbleaklint"
