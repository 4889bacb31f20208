// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package testutil

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// Replacements writes src as f.go in a temporary directory and returns
// its name, the file set it is parsed into, and one diagnostic per
// replacement {old, new}, whose suggested fix replaces the first
// occurrence of old with new: what the fixer and the command's -fix and
// -diff are tested on.
func Replacements(t *testing.T, src string, replacements [][2]string) (string, *token.FileSet, []analysis.Diagnostic) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "f.go")
	if err := os.WriteFile(name, []byte(src), 0o640); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	tf := fset.File(f.Pos())
	var out []analysis.Diagnostic
	for _, r := range replacements {
		off := strings.Index(src, r[0])
		if off < 0 {
			t.Fatalf("%q not in source", r[0])
		}
		pos := tf.Pos(off)
		out = append(out, analysis.Diagnostic{
			Pos:     pos,
			Message: "replace " + r[0],
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   "use " + r[1],
				TextEdits: []analysis.TextEdit{{Pos: pos, End: tf.Pos(off + len(r[0])), NewText: []byte(r[1])}},
			}},
		})
	}
	return name, fset, out
}
