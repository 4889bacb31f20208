// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package fixtest

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// fixPrefix starts a comment that gives, on the line above a finding,
// a regular expression (a Go string literal, usually back-quoted) that
// the message of its fix must match:
//
//	// fix: `^Defer rows\.Close\(\) after the error check; remove .*$`
//	rows, err := db.Query(q) // want `rows from db\.Query is not closed`
//
// The message is what -fix reports for the fix: what it inserts, and
// what it removes or keeps.
const fixPrefix = "// fix: "

// checkMessages checks the fix messages of the findings of results
// against the "// fix:" comments of their files: each comment must
// match the message of the first fix of a finding on the next line.
func checkMessages(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	type key struct {
		file string
		line int
	}
	for _, r := range results {
		fset := r.Action.Package.Fset
		wants := make(map[key]*regexp.Regexp)
		for _, f := range r.Action.Package.Syntax {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					lit, ok := strings.CutPrefix(c.Text, fixPrefix)
					if !ok {
						continue
					}
					posn := fset.Position(c.Pos())
					expr, err := strconv.Unquote(strings.TrimSpace(lit))
					if err != nil {
						t.Errorf("%s: bad fix comment: %v", posn, err)
						continue
					}
					rx, err := regexp.Compile(expr)
					if err != nil {
						t.Errorf("%s: bad fix comment: %v", posn, err)
						continue
					}
					wants[key{posn.Filename, posn.Line + 1}] = rx
				}
			}
		}
		for _, d := range r.Action.Diagnostics {
			posn := fset.Position(d.Pos)
			k := key{posn.Filename, posn.Line}
			rx, ok := wants[k]
			if !ok {
				continue
			}
			delete(wants, k)
			switch {
			case len(d.SuggestedFixes) == 0:
				t.Errorf("%s: finding has no fix, want one whose message matches %q", posn, rx)
			case !rx.MatchString(d.SuggestedFixes[0].Message):
				t.Errorf("%s: fix message %q does not match %q", posn, d.SuggestedFixes[0].Message, rx)
			}
		}
		for k, rx := range wants {
			t.Errorf("%s:%d: no finding with a fix for the fix comment %q", k.file, k.line, rx)
		}
	}
}
