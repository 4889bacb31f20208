// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"fmt"
	"io"

	"github.com/dbleaklint/dbleaklint/internal/diff"
	"github.com/dbleaklint/dbleaklint/internal/fix"
)

// applyFixes applies (-fix) or prints as a diff (-diff) the first
// suggested fix of every finding. The findings without a fix, or whose
// fix conflicts with another, are printed as text. -fix then reports
// each fix it applied on a line of its own, and exits with status 3
// when findings remain; -diff, which changes nothing, exits with status
// 3 when there is any finding, fixable or not.
func (c *command) applyFixes(findings []finding) int {
	set := fix.NewSet()
	var left, fixed []finding
	for _, f := range findings {
		ok, conflict := set.Add(f.pkg.Fset, f.diag)
		if conflict != "" {
			c.errorf("%s", conflict)
		}
		if ok {
			fixed = append(fixed, f)
		} else {
			left = append(left, f)
		}
	}
	files, err := set.Files()
	if err != nil {
		c.errorf("%v", oneLine(err.Error()))
		return exitErrors
	}
	root := repoRoot()
	for _, file := range files {
		if c.opts.diff {
			fmt.Fprint(c.stdout, diff.Unified(diff.Name(root, file.Name), file.Before, file.After))
			continue
		}
		if err := fix.WriteFile(file.Name, file.After); err != nil {
			c.errorf("%v", oneLine(err.Error()))
			return exitErrors
		}
	}
	if c.opts.fix {
		for _, f := range fixed {
			printFixed(c.stderr, f)
		}
		if len(fixed) > 0 {
			fmt.Fprintf(c.stderr, "%s: applied %d fixes to %d files\n", progname, len(fixed), len(files))
		}
	}
	for _, f := range left {
		printPlain(c.stderr, f.pkg.Fset, c.opts.context, f.diag)
	}
	if len(left) > 0 || c.opts.diff && len(fixed) > 0 {
		return exitFindings
	}
	return exitOK
}

// printFixed reports the fix of f that -fix applied, as
//
//	file:line: fixed: message
//
// with the finding's position in the file as written (the one that
// changed, whatever a //line directive calls it) and the fix's message,
// which says what it inserted, and what it removed or left in place.
func printFixed(w io.Writer, f finding) {
	posn := f.pkg.Fset.PositionFor(f.diag.Pos, false)
	fmt.Fprintf(w, "%s:%d: fixed: %s\n", posn.Filename, posn.Line, f.diag.SuggestedFixes[0].Message)
}
