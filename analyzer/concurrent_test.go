// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package analyzer_test

import (
	"fmt"
	"maps"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/internal/testutil"
)

// TestSuiteConcurrently runs every check of the suite at once on every
// package of testdata/src, as the command and go vet do: the checker
// runs the analyzers of a package and the packages themselves in
// parallel, over shared state (the resource table, the flags, the
// facts). The checks' own tests run one analyzer at a time, without the
// race detector; scripts/test.sh runs this one with it. The run must
// end without an error, report something for every check that reports,
// and report the same thing twice.
func TestSuiteConcurrently(t *testing.T) {
	pkgs := testutil.Load(t, testutil.TestData(), "./...")
	first := findings(t, pkgs)
	for _, a := range analyzer.Suite {
		if _, ok := quiet[a.Name]; !ok && first[a.Name] == 0 {
			t.Errorf("%s reported nothing on the whole of testdata/src (if it reports only with a flag, add it to quiet)", a.Name)
		}
	}
	if second := findings(t, pkgs); !maps.Equal(first, second) {
		t.Errorf("two runs differ:\n%v\n%v", first, second)
	}
}

// quiet are the checks that report nothing on testdata/src with their
// default flags, and why.
var quiet = map[string]string{
	"ownership":  "facts only",
	"poolpolicy": "reports only with -poolpolicy.enforce",
	"sqlrowserr": "x/tools' check; its cases are in x/tools",
}

// findings runs the suite on pkgs and counts the diagnostics of each
// check, by check and message.
func findings(t *testing.T, pkgs []*packages.Package) map[string]int {
	t.Helper()
	graph, err := checker.Analyze(analyzer.Suite, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := make(map[string]int)
	for _, act := range graph.Roots {
		if act.Package.IllTyped && !act.Analyzer.RunDespiteErrors {
			continue // a few cases do not type-check; sqlrowserr skips them
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			n[act.Analyzer.Name]++
			n[fmt.Sprintf("%s %s: %s", act.Analyzer.Name, act.Package.Fset.Position(d.Pos), d.Message)]++
		}
	}
	return n
}
