// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package report turns dbleaklint's findings into the formats that CI
// systems read, and keeps the baseline that lets a team adopt the gate on
// an existing code base.
//
// The driver converts each analysis.Diagnostic into a neutral
// Diagnostic, whose positions are absolute files with 1-based lines and
// byte columns as go/token reports them. The writers make them relative
// to root, the directory that CI checks the repository out into:
//
//   - WriteSARIF writes a SARIF 2.1.0 log for GitHub code scanning, with
//     one rule per check and columns in UTF-16 code units, as SARIF's
//     default columnKind and the code scanning UI count them;
//   - WriteGitHub writes GitHub Actions workflow commands that annotate
//     the pull request;
//   - Fingerprint, WriteBaseline, ReadBaseline and Baseline.Filter
//     identify findings across edits that only move them, so that a run
//     fails on new findings only.
//
// Every function reads the source line of each finding: columns and
// fingerprints depend on its text.
package report

import (
	"cmp"
	"slices"
)

// Position is a location in a source file.
type Position struct {
	File   string // absolute path
	Line   int    // 1-based; 0 if unknown
	Column int    // 1-based byte offset in the line, as go/token counts; 0 if unknown
}

// Related is a secondary location of a diagnostic, such as an exit
// through which a resource leaks.
type Related struct {
	Posn    Position
	Message string
}

// Diagnostic is one finding of a check.
type Diagnostic struct {
	Check   string // the name of the check (its analyzer) that reported it
	Message string
	Posn    Position
	Related []Related
}

// Check describes a check for the formats that list rules: its name, its
// documentation (analysis.Analyzer.Doc: a one-line summary, then
// paragraphs in doc comment syntax) and the URL of that documentation.
type Check struct {
	Name, Doc, URL string
}

// sorted returns a copy of diags ordered by position, then check and
// message, so that output does not depend on the order in which the
// driver collected them.
func sorted(diags []Diagnostic) []Diagnostic {
	out := slices.Clone(diags)
	slices.SortStableFunc(out, compare)
	return out
}

func compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Posn.File, b.Posn.File),
		cmp.Compare(a.Posn.Line, b.Posn.Line),
		cmp.Compare(a.Posn.Column, b.Posn.Column),
		cmp.Compare(a.Check, b.Check),
		cmp.Compare(a.Message, b.Message),
	)
}
