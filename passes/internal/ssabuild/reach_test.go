// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package ssabuild_test

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/internal/load"
	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/ssabuild"
	"github.com/dbleaklint/dbleaklint/passes/ownership"
)

// TestReachAgrees checks that ssabuild and the standalone loader decide
// alike which packages can hold a resource, for the packages of a
// module that reaches sqlx and pgx v4 (roots of the built-in model),
// declares a resource of its own in its configuration file, and has
// packages under and beside the roots that reach none: both answer as
// the module's reach.txt says. (The benchmark's answer is checked
// against the same table in internal/bench/compare.)
func TestReachAgrees(t *testing.T) {
	dir := filepath.Join(testutil.TestData(), "mod", "reach")
	testutil.DownloadModules(t, dir)
	want := testutil.WantReach(t, dir)
	cfg, err := analyzer.ReadConfigFile(filepath.Join(dir, ".dbleaklint.yml"))
	if err != nil {
		t.Fatal(err)
	}

	// ssabuild, as the analysis runs it: with the configured resources.
	testutil.RestoreState(t, nil)
	if err := ownership.Configure(cfg.Resources); err != nil {
		t.Fatal(err)
	}
	pkgs := testutil.Load(t, dir, "./...")
	graph, err := checker.Analyze([]*analysis.Analyzer{ssabuild.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	built := make(map[string]bool)
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		if isTestMain(act.Package.ID) {
			continue
		}
		built[act.Package.ID] = act.Result.(*ssabuild.SSA).Pkg != nil
	}
	if !maps.Equal(built, want) {
		t.Errorf("ssabuild builds SSA for:\n%s\nwant (reach.txt):\n%s", table(built), table(want))
	}

	// The loader, as the command runs it: with the roots of the same
	// configuration.
	roots, err := ownership.ResourceRoots(cfg.Resources)
	if err != nil {
		t.Fatal(err)
	}
	l, err := load.List(context.Background(), load.Config{Patterns: []string{"./..."}, Tests: true, Roots: roots, Dir: dir,
		Env: append(os.Environ(), "GO111MODULE=on", "GOPROXY=off", "GOWORK=off")})
	if err != nil {
		t.Fatal(err)
	}
	analyzed := make(map[string]bool)
	for _, p := range l.Targets {
		if !isTestMain(p.ID) {
			analyzed[p.ID] = l.Analyzed(p.ID)
		}
	}
	if !maps.Equal(analyzed, want) {
		t.Errorf("the loader analyzes:\n%s\nwant (reach.txt):\n%s", table(analyzed), table(want))
	}
}

// isTestMain reports whether the package ID is that of a test's
// generated main package, which reach.txt leaves out.
func isTestMain(id string) bool { return strings.HasSuffix(id, ".test") }

func table(m map[string]bool) string {
	var b strings.Builder
	for _, id := range slices.Sorted(maps.Keys(m)) {
		b.WriteString("\t" + id)
		if m[id] {
			b.WriteString(" yes\n")
		} else {
			b.WriteString(" no\n")
		}
	}
	return b.String()
}
