// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package testutil

import (
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Run is analysistest.Run over a testdata tree that this test binary
// loads once (see loadTree): it applies a to the packages that patterns
// denote in the tree at dir (a GOPATH-style tree, or a module), checks
// their diagnostics and facts against the "// want" comments, reports
// any difference to t, and returns a result per package.
//
// Use it wherever analysistest.Run would be used on a tree of testdata:
// the first call pays the load, the next ones only the analysis. The
// results' Pass field is nil (analysistest fills it through an internal
// hook); Action holds everything it did.
func Run(t analysistest.Testing, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	dir = absolute(dir)
	tr, err := loadTree(dir)
	if err != nil {
		t.Errorf("%v", err)
		return nil
	}
	return run(t, tr, a, patterns)
}

// RunPart is Run for a tree too large to load whole, such as the
// repository's own module: only the packages that patterns denote are
// loaded from source.
func RunPart(t analysistest.Testing, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	dir = absolute(dir)
	tr, err := loadTree(dir, patterns...)
	if err != nil {
		t.Errorf("%v", err)
		return nil
	}
	return run(t, tr, a, patterns)
}

// run runs a on the packages of tr that patterns denote and checks the
// results.
func run(t analysistest.Testing, tr *tree, a *analysis.Analyzer, patterns []string) []*analysistest.Result {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	graph := analyze(t, tr, a, patterns)
	if graph == nil {
		return nil
	}
	var results []*analysistest.Result
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("error analyzing %s: %v", act, act.Err)
		} else {
			checkExpectations(t, tr.dir, act)
		}
		results = append(results, result(act))
	}
	return results
}

// RunWithSuggestedFixes is Run, then checks the suggested fixes as
// analysistest.RunWithSuggestedFixes does with golden files of the plain
// form: each file that a fix edits, with every fix applied, must equal
// its .golden twin once both are formatted.
func RunWithSuggestedFixes(t analysistest.Testing, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	results := Run(t, dir, a, patterns...)
	for _, r := range results {
		checkFixes(t, r.Action)
	}
	return results
}

// analyze runs a on the roots that patterns denote, or reports why it
// could not and returns nil.
func analyze(t analysistest.Testing, tr *tree, a *analysis.Analyzer, patterns []string) *checker.Graph {
	roots, err := tr.roots(patterns)
	if err != nil {
		t.Errorf("loading %s: %v", patterns, err)
		return nil
	}
	// As analysistest does, show parse and type errors in the test's
	// log, not on stderr.
	if tb, ok := t.(testing.TB); ok && !a.RunDespiteErrors {
		packages.Visit(roots, nil, func(p *packages.Package) {
			for _, err := range p.Errors {
				tb.Log(err)
			}
		})
	}
	// A testdata package that does not type-check is skipped by the
	// analyzers (ssabuild builds nothing for it), so its cases would
	// pass unseen: that is a broken test, unless the package says it is
	// ill-typed on purpose by its path.
	for _, p := range roots {
		for _, err := range p.Errors {
			if (err.Kind == packages.TypeError || err.Kind == packages.ParseError) && !strings.Contains(p.PkgPath, "illtyped") {
				t.Errorf("%s does not type-check, so none of its cases is tested: %v", p.PkgPath, err)
				break
			}
		}
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, roots, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Errorf("Analyze: %v", err)
		return nil
	}
	return graph
}

// result builds analysistest's Result of a root action, facts included:
// those of the package and of its objects.
func result(act *checker.Action) *analysistest.Result {
	facts := make(map[types.Object][]analysis.Fact)
	for _, of := range act.AllObjectFacts() {
		if of.Object.Pkg() == act.Package.Types {
			facts[of.Object] = append(facts[of.Object], of.Fact)
		}
	}
	for _, pf := range act.AllPackageFacts() {
		if pf.Package == act.Package.Types {
			facts[nil] = append(facts[nil], pf.Fact)
		}
	}
	return &analysistest.Result{
		Action:      act,
		Facts:       facts,
		Diagnostics: act.Diagnostics,
		Result:      act.Result,
		Err:         act.Err,
	}
}

// absolute returns dir as an absolute path, for the messages that leave
// it out.
func absolute(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}

// Load returns the packages that patterns denote in the tree at dir, as
// Run loads them (once per test binary, see loadTree), for tests that
// drive the checker or read types themselves.
func Load(t testing.TB, dir string, patterns ...string) []*packages.Package {
	t.Helper()
	tr, err := loadTree(absolute(dir))
	if err != nil {
		t.Fatal(err)
	}
	roots, err := tr.roots(patterns)
	if err != nil {
		t.Fatalf("loading %s: %v", patterns, err)
	}
	return roots
}
