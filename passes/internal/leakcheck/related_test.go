// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakcheck_test

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/rowsclose"
	"github.com/dbleaklint/dbleaklint/passes/txend"
)

// exit is an expected related position: line:col in the package's one
// file, the statement that starts there, and the message.
type exit struct {
	pos     string
	stmt    string
	message string
}

// analysistest checks the messages of testdata/src/related/... against
// their "// want" comments, but not the related information that names
// each leaking exit: this test does.
func TestRelated(t *testing.T) {
	for _, tc := range []struct {
		analyzer *analysis.Analyzer
		pkg      string // under testdata/src/related
		// diagnostic line:col -> its related information, in order.
		want map[string][]exit
	}{
		{
			analyzer: rowsclose.Analyzer,
			pkg:      "rows",
			want: map[string][]exit{
				// One leaking return.
				"16:15": {{"24:4", "return nil, err", "rows leaks here"}},
				// Two leaking returns, in source order.
				"34:15": {
					{"42:4", "return nil, err", "rows leaks here"},
					{"45:4", "return nil, errTooMany", "rows leaks here"},
				},
				// A loop: the continue that skips Close.
				"57:16": {{"62:4", "continue", "rows leaks here"}},
			},
		},
		{
			analyzer: txend.Analyzer,
			pkg:      "tx",
			want: map[string][]exit{
				"16:13": {{"21:3", "return errNotPositive", "transaction leaks here"}},
			},
		},
	} {
		t.Run(tc.analyzer.Name, func(t *testing.T) {
			results := testutil.Run(t, testutil.TestData(), tc.analyzer, "related/"+tc.pkg)
			if len(results) != 1 {
				t.Fatalf("got %d results, want 1 (package related/%s)", len(results), tc.pkg)
			}
			file := tc.pkg + ".go"
			r := results[0]
			fset := r.Action.Package.Fset
			got := make(map[string][]exit)
			for _, d := range r.Diagnostics {
				at := lineCol(t, fset, file, d.Pos)
				if _, dup := got[at]; dup {
					t.Errorf("two diagnostics at %s", at)
				}
				exits := []exit{}
				for _, rel := range d.Related {
					exits = append(exits, exit{lineCol(t, fset, file, rel.Pos), stmtAt(t, fset, rel.Pos), rel.Message})
					if rel.End.IsValid() && rel.End < rel.Pos {
						t.Errorf("%s: related End %v before Pos %v", at, rel.End, rel.Pos)
					}
				}
				got[at] = exits
				// The message names the first exit and counts the others.
				if n := len(d.Related) - 1; n > 0 {
					if want := fmt.Sprintf(" (and %d other exit", n); !strings.Contains(d.Message, want) {
						t.Errorf("%s: message %q lacks %q", at, d.Message, want)
					}
				}
			}
			for at, want := range tc.want {
				if !slices.Equal(got[at], want) {
					t.Errorf("diagnostic at %s:%s: related information\n got %+v\nwant %+v", file, at, got[at], want)
				}
			}
			for at := range got {
				if _, ok := tc.want[at]; !ok {
					t.Errorf("unexpected diagnostic at %s:%s", file, at)
				}
			}
		})
	}
}

// lineCol returns the line:col of pos, which must be in file.
func lineCol(t *testing.T, fset *token.FileSet, file string, pos token.Pos) string {
	t.Helper()
	if !pos.IsValid() {
		t.Fatal("invalid position")
	}
	p := fset.Position(pos)
	if filepath.Base(p.Filename) != file {
		t.Fatalf("position %v is not in %s", p, file)
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Column)
}

// stmtAt returns the source text from pos to the end of its line, so
// that the test shows which statement a position is at.
func stmtAt(t *testing.T, fset *token.FileSet, pos token.Pos) string {
	t.Helper()
	p := fset.Position(pos)
	data, err := os.ReadFile(p.Filename)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if p.Line > len(lines) || p.Column-1 > len(lines[p.Line-1]) {
		t.Fatalf("position %v is past the end of the file", p)
	}
	return strings.TrimSpace(lines[p.Line-1][p.Column-1:])
}
