// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package testutil

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// The harness is checked against analysistest itself: on the packages
// of testdata/src/harness, with a small analyzer that reports
// diagnostics, object facts, package facts and fixes, Run must accept
// what analysistest.Run accepts and report exactly what it reports.

// leaky is the fact of a function whose name starts with leak or Leak.
type leaky struct{}

func (*leaky) AFact()         {}
func (*leaky) String() string { return "leaky" }

// callCount is the package fact: how many calls of leaky functions.
type callCount struct{ N int }

func (*callCount) AFact()           {}
func (c *callCount) String() string { return fmt.Sprintf("calls=%d", c.N) }

// calls reports each call of a leaky function, with a fix that defers
// a cleanup after it.
var calls = &analysis.Analyzer{
	Name:      "calls",
	Doc:       "reports calls of functions named leak*",
	FactTypes: []analysis.Fact{new(leaky), new(callCount)},
	Run: func(pass *analysis.Pass) (any, error) {
		n := 0
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && strings.HasPrefix(strings.ToLower(fd.Name.Name), "leak") {
					pass.ExportObjectFact(pass.TypesInfo.Defs[fd.Name], new(leaky))
				}
			}
		}
		for _, f := range pass.Files {
			ast.Inspect(f, func(node ast.Node) bool {
				call, ok := node.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn, ok := typeutilCallee(pass.TypesInfo, call).(*types.Func)
				if !ok || !pass.ImportObjectFact(fn, new(leaky)) {
					return true
				}
				n++
				pass.Report(analysis.Diagnostic{
					Pos:     call.Pos(),
					Message: "call of " + fn.Name(),
					SuggestedFixes: []analysis.SuggestedFix{{
						Message:   "defer the cleanup",
						TextEdits: []analysis.TextEdit{{Pos: call.End(), End: call.End(), NewText: []byte("\n\tdefer cleanup()")}},
					}},
				})
				return true
			})
		}
		if n > 0 {
			pass.ExportPackageFact(&callCount{n})
		}
		return nil, nil
	},
}

// typeutilCallee returns the object a call's function names, if any.
func typeutilCallee(info *types.Info, call *ast.CallExpr) types.Object {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return info.Uses[fun]
	case *ast.SelectorExpr:
		return info.Uses[fun.Sel]
	}
	return nil
}

// testdata returns the absolute path of the harness's testdata tree.
func testdata(t *testing.T) string {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// recorder records what a run reports, instead of failing the test.
type recorder struct{ list []string }

func (e *recorder) Errorf(format string, args ...any) {
	e.list = append(e.list, fmt.Sprintf(format, args...))
}

func (e *recorder) sorted() []string {
	s := slices.Clone(e.list)
	slices.Sort(s)
	return s
}

func TestRunAcceptsWhatAnalysistestAccepts(t *testing.T) {
	results := Run(t, testdata(t), calls, "harness/ok")
	if len(results) != 1 {
		t.Fatalf("%d results, want 1", len(results))
	}
	if n := len(results[0].Diagnostics); n != 3 {
		t.Errorf("%d diagnostics, want 3", n)
	}
	if n := len(results[0].Facts); n != 2 { // leakTwo and the package
		t.Errorf("facts on %d objects, want 2: %v", n, results[0].Facts)
	}
}

func TestRunReportsWhatAnalysistestReports(t *testing.T) {
	var got, want recorder
	Run(&got, testdata(t), calls, "harness/bad")
	analysistest.Run(&want, testdata(t), calls, "harness/bad")
	if len(want.list) < 6 {
		t.Fatalf("analysistest reported %d errors, want at least 6 (is harness/bad still bad?): %q", len(want.list), want.list)
	}
	if g, w := got.sorted(), want.sorted(); !slices.Equal(g, w) {
		t.Errorf("Run reported\n\t%s\nanalysistest.Run reported\n\t%s", strings.Join(g, "\n\t"), strings.Join(w, "\n\t"))
	}
}

func TestRunReportsPatternsThatMatchNothing(t *testing.T) {
	var got recorder
	if results := Run(&got, testdata(t), calls, "harness/nonexistent"); results != nil {
		t.Errorf("got %d results for a package that does not exist", len(results))
	}
	if len(got.list) == 0 {
		t.Error("no error for a package that does not exist")
	}
}

func TestRunWithSuggestedFixes(t *testing.T) {
	RunWithSuggestedFixes(t, testdata(t), calls, "harness/fix")

	// A golden file that differs from what the fixes produce is
	// reported, as analysistest reports it.
	var gotBad, wantBad recorder
	RunWithSuggestedFixes(&gotBad, testdata(t), calls, "harness/fixbad")
	analysistest.RunWithSuggestedFixes(&wantBad, testdata(t), calls, "harness/fixbad")
	if len(gotBad.list) != 1 || len(wantBad.list) != 1 || !strings.Contains(gotBad.list[0], "differs from") {
		t.Errorf("with a wrong golden file, Run reported %q and analysistest %q; want one error each", gotBad.list, wantBad.list)
	}

	// A golden file missing for a file that the fixes edit is
	// reported; so does analysistest.
	var got, want recorder
	RunWithSuggestedFixes(&got, testdata(t), calls, "harness/ok")
	analysistest.RunWithSuggestedFixes(&want, testdata(t), calls, "harness/ok")
	if len(got.list) != 1 || len(want.list) != 1 || !strings.Contains(got.list[0], "ok.go.golden") {
		t.Errorf("without a golden file, Run reported %q and analysistest %q; want one error each, naming ok.go.golden", got.list, want.list)
	}
}

func TestApplyEdits(t *testing.T) {
	src := []byte("abcdef")
	for _, tc := range []struct {
		edits []edit
		want  string // "" for a conflict
	}{
		{[]edit{{1, 2, "X"}, {4, 4, "Y"}}, "aXcdYef"},
		{[]edit{{4, 4, "Y"}, {1, 2, "X"}}, "aXcdYef"}, // in any order
		{[]edit{{2, 2, "Z"}, {2, 2, "Z"}}, "abZcdef"}, // identical: once
		{[]edit{{2, 2, "Z"}, {2, 3, "W"}}, "abZWdef"}, // insertion, then replacement
		{[]edit{{1, 4, "X"}, {2, 3, "Y"}}, ""},        // overlap
		{[]edit{{5, 9, "X"}}, ""},                     // past the end
	} {
		got, err := apply(src, slices.Clone(tc.edits))
		if tc.want == "" {
			if err == nil {
				t.Errorf("apply(%v) = %q, want a conflict", tc.edits, got)
			}
		} else if err != nil || string(got) != tc.want {
			t.Errorf("apply(%v) = %q, %v; want %q", tc.edits, got, err, tc.want)
		}
	}
}

func TestRunEdited(t *testing.T) {
	// The fixed file, declaring the cleanup it defers, without its want
	// comments: it type-checks, and each call is still reported (the
	// want comments of the edited file are gone, so they are
	// unexpected).
	fixed := []byte("// want package:\"calls=1\"\npackage fix\n\nimport \"harness/dep\"\n\nfunc cleanup() {}\n\nfunc h() {\n\tdep.LeakOne()\n\tdefer cleanup()\n}\n")
	var got recorder
	results := RunEdited(&got, testdata(t), calls, "harness/fix", map[string][]byte{"fix.go": fixed})
	if len(results) != 1 || len(results[0].Diagnostics) != 1 {
		t.Fatalf("got %d results, want 1 with 1 diagnostic", len(results))
	}
	if len(got.list) != 1 || !strings.Contains(got.list[0], "fix.go.edited:9:2: unexpected diagnostic: call of LeakOne") {
		t.Errorf("errors %q, want one unexpected diagnostic at fix.go.edited:9:2", got.list)
	}

	// Code that does not type-check is reported.
	got = recorder{}
	RunEdited(&got, testdata(t), calls, "harness/fix", map[string][]byte{"fix.go": []byte("package fix\n\nfunc h() { undefined() }\n")})
	if len(got.list) == 0 || !strings.Contains(strings.Join(got.list, "\n"), "undefined") {
		t.Errorf("errors %q, want a type error naming undefined", got.list)
	}

	// A file that is not the package's is an error, not ignored.
	got = recorder{}
	RunEdited(&got, testdata(t), calls, "harness/fix", map[string][]byte{"other.go": fixed})
	if len(got.list) != 1 {
		t.Errorf("errors %q, want one about other.go", got.list)
	}
}

// An analyzer that runs despite errors (as dbleaklint's do) is handed
// no syntax to analyze for a package that does not type-check, so its
// cases would pass unseen: Run reports the package instead.
func TestRunReportsIllTypedTestdata(t *testing.T) {
	despite := *calls
	despite.RunDespiteErrors = true
	var got recorder
	Run(&got, testdata(t), &despite, "harness/broken")
	if !strings.Contains(strings.Join(got.list, "\n"), "harness/broken does not type-check") {
		t.Errorf("errors %q, want one saying harness/broken does not type-check", got.list)
	}
}
