// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package analyzer_test

import (
	"fmt"
	"maps"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/ownership"
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
	t.Parallel()
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
	return findingsOf(t, analyzer.Suite, pkgs)
}

// findingsOf is findings for the analyzers as.
func findingsOf(t *testing.T, as []*analysis.Analyzer, pkgs []*packages.Package) map[string]int {
	t.Helper()
	graph, err := checker.Analyze(as, pkgs, nil)
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

// TestTwoConfigurations runs two configurations of the suite at once in
// one process, as a golangci-lint run with two modules' settings or two
// tests in parallel do: a strict one with a user-defined resource, and
// the default one. Each must find what it finds alone, and the strict
// one must find more (its strict-mode leaks and the user resource's),
// or the test would prove nothing. scripts/test.sh runs it with the
// race detector.
func TestTwoConfigurations(t *testing.T) {
	t.Parallel()
	pkgs := testutil.Load(t, testutil.TestData(), "strict/...", "userres/...")
	strict := &analyzer.Config{Strict: true, Resources: []ownership.Spec{{
		Type:             "*userres/dbx.Rows",
		Check:            "rowsclose",
		Acquire:          []string{"(*userres/dbx.DB).Queryx"},
		Release:          []string{"Close"},
		ReleaseFunctions: []ownership.ReleaseFunc{{Function: "userres/dbx.Drain", Arg: 0}},
	}}}
	configs := []*analyzer.Config{strict, nil}
	alone := make([]map[string]int, len(configs))
	for i, c := range configs {
		set, err := analyzer.New(c)
		if err != nil {
			t.Fatal(err)
		}
		alone[i] = findingsOf(t, set.Enabled, pkgs)
	}
	if alone[0]["rowsclose"] <= alone[1]["rowsclose"] || alone[0]["txend"] <= alone[1]["txend"] {
		t.Fatalf("the strict configuration finds no more than the default one:\n%v\n%v", alone[0], alone[1])
	}

	together := make([]map[string]int, len(configs))
	var wg sync.WaitGroup
	for i, c := range configs {
		set, err := analyzer.New(c)
		if err != nil {
			t.Fatal(err)
		}
		wg.Go(func() { together[i] = findingsOf(t, set.Enabled, pkgs) })
	}
	wg.Wait()
	for i := range configs {
		if !maps.Equal(alone[i], together[i]) {
			t.Errorf("configuration %d finds, alone and beside the other:\n%v\n%v", i, alone[i], together[i])
		}
	}
}
