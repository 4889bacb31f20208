// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package testutil

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"os"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
)

// An edit replaces the bytes [start, end) of a file with text.
type edit struct {
	start, end int
	text       string
}

// checkFixes applies every suggested fix of act to the files they edit
// and compares each fixed file with its .golden twin, both formatted.
// Fixes that edit a generated file are left out, as analysistest does.
func checkFixes(t analysistest.Testing, act *checker.Action) {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	fset := act.Package.Fset
	generated := make(map[*token.File]bool)
	for _, f := range act.Package.Syntax {
		generated[fset.File(f.Pos())] = ast.IsGenerated(f)
	}
	edits := make(map[string][]edit) // by file name
	for _, d := range act.Diagnostics {
	fixes:
		for _, fix := range d.SuggestedFixes {
			for _, e := range fix.TextEdits {
				if generated[fset.File(e.Pos)] {
					continue fixes
				}
			}
			for _, e := range fix.TextEdits {
				file := fset.File(e.Pos)
				end := e.End
				if !end.IsValid() {
					end = e.Pos
				}
				edits[file.Name()] = append(edits[file.Name()], edit{file.Offset(e.Pos), file.Offset(end), string(e.NewText)})
			}
		}
	}
	names := make([]string, 0, len(edits))
	for name := range edits {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := compareGolden(name, edits[name]); err != nil {
			t.Errorf("%v", err)
		}
	}
}

// compareGolden applies edits to the file name and compares the result
// with name.golden.
func compareGolden(name string, edits []edit) error {
	original, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	golden, err := os.ReadFile(name + ".golden")
	if err != nil {
		return fmt.Errorf("error reading %s.golden: %v", name, err)
	}
	if bytes.HasPrefix(golden, []byte("-- ")) {
		return fmt.Errorf("%s.golden is a txtar archive: use analysistest.RunWithSuggestedFixes for fixes by message", name)
	}
	fixed, err := apply(original, edits)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	if fixed, err = format.Source(fixed); err != nil {
		return fmt.Errorf("%s: the fixed file does not parse: %v\n%s", name, err, fixed)
	}
	if golden, err = format.Source(golden); err != nil {
		return fmt.Errorf("%s.golden does not parse: %v", name, err)
	}
	if !bytes.Equal(bytes.TrimSpace(fixed), bytes.TrimSpace(golden)) {
		return fmt.Errorf("%s: the fixed file differs from %s.golden at line %d:\n-- fixed --\n%s\n-- want --\n%s",
			name, name, firstDifference(fixed, golden), fixed, golden)
	}
	return nil
}

// apply applies edits to src. Identical edits count once (two fixes may
// insert the same line); edits that overlap otherwise conflict.
func apply(src []byte, edits []edit) ([]byte, error) {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	var out bytes.Buffer
	last := 0
	for i, e := range edits {
		if i > 0 && e == edits[i-1] {
			continue
		}
		if e.start < last || e.end < e.start || e.end > len(src) {
			return nil, fmt.Errorf("conflicting or invalid edit [%d,%d) %q", e.start, e.end, e.text)
		}
		out.Write(src[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// firstDifference returns the number of the first line where a and b
// differ.
func firstDifference(a, b []byte) int {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}
