// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package nogo_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/internal/nogo"
	"github.com/dbleaklint/dbleaklint/internal/testutil"
)

// gate is the variable that turns the test on: it builds two binaries
// and runs an action per package of two builds with their dependencies,
// so scripts/test.sh runs it as a step of its own.
const gate = "DBLEAKLINT_NOGO"

// TestNogo builds rules_go's nogo driver with the suite and runs it as
// Bazel's actions do, package by package, on examples/ and on a module
// whose leaks only cross-package facts reveal, tests included; the
// findings must be go vet's, finding for finding.
func TestNogo(t *testing.T) {
	if os.Getenv(gate) == "" {
		t.Skipf("set %s=1 to build rules_go's nogo driver and run it (scripts/test.sh does)", gate)
	}
	ctx := t.Context()
	root := filepath.Dir(testutil.TestData())
	work := t.TempDir()

	paths, err := nogo.AnalyzerPackages(ctx, root)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(analyzer.Suite) {
		t.Fatalf("analyzer.Suite has %d checks but its declaration names %d analyzer packages %v: write each entry as pkg.Analyzer",
			len(analyzer.Suite), len(paths), paths)
	}
	config := filepath.Join(work, "nogo_config.json")
	if err := os.WriteFile(config, []byte(nogoConfig(t)), 0o666); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	tools, err := nogo.Build(ctx, work, nogo.Options{Module: root, Analyzers: paths, Config: config})
	if err != nil {
		t.Fatal(err)
	}
	vettool := filepath.Join(work, "bin", "dbleaklint")
	if _, err := goBuild(ctx, root, vettool, "./cmd/dbleaklint"); err != nil {
		t.Fatal(err)
	}
	t.Logf("built the builder, nogo and dbleaklint in %v", time.Since(start).Round(time.Millisecond))

	t.Run("examples", func(t *testing.T) {
		got := compareWithVet(t, tools, vettool, filepath.Join(work, "examples"), root, nil, "./examples/...")
		if len(got) == 0 {
			t.Error("no finding in examples/: its leaky service must have some")
		}
	})
	t.Run("crossfacts", func(t *testing.T) {
		dir := filepath.Join(testutil.TestData(), "mod", "nogo")
		testutil.DownloadModules(t, dir)
		got := compareWithVet(t, tools, vettool, filepath.Join(work, "crossfacts"), dir, nil, "./...")
		checkWants(t, dir, got)

		// The control: without their dependencies' facts files, the
		// actions find none of it.
		blind, err := tools.RunWithoutFacts(ctx, filepath.Join(work, "crossfacts-nofacts"), dir, "./...")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range blind.Findings {
			t.Errorf("without facts, nogo still finds %s: the test does not show that facts flow", f)
		}
	})
	t.Run("flags", func(t *testing.T) {
		// A config's analyzer_flags are the checks' flags, as the
		// guide says: a driver built with some must find what go vet
		// finds with the same flags.
		config := filepath.Join(work, "flags.json")
		flags := `{"poolpolicy": {"analyzer_flags": {"enforce": "true"}}, "rowsclose": {"analyzer_flags": {"strict": "true"}}}`
		if err := os.WriteFile(config, []byte(flags), 0o666); err != nil {
			t.Fatal(err)
		}
		work := filepath.Join(work, "flags")
		tools, err := nogo.Build(ctx, work, nogo.Options{Module: root, Analyzers: paths, Config: config})
		if err != nil {
			t.Fatal(err)
		}
		got := compareWithVet(t, tools, vettool, work, root, []string{"-poolpolicy.enforce", "-rowsclose.strict"},
			"./examples/userservice/leaky")
		if !slices.ContainsFunc(got, func(f nogo.Finding) bool { return f.Analyzer == "poolpolicy" }) {
			t.Error("no poolpolicy finding: the driver ignored analyzer_flags")
		}
	})
}

// compareWithVet runs nogo and go vet (with vetFlags) on the packages
// that patterns match in the module at dir, reports any difference
// between their findings, and returns nogo's.
func compareWithVet(t *testing.T, tools *nogo.Tools, vettool, work, dir string, vetFlags []string, patterns ...string) []nogo.Finding {
	t.Helper()
	ctx := t.Context()
	start := time.Now()
	run, err := tools.Run(ctx, work, dir, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d nogo actions (%d for facts only) in %v, %d findings",
		run.Actions, run.FactsOnly, time.Since(start).Round(time.Millisecond), len(run.Findings))
	for _, f := range run.Findings {
		t.Log(f)
	}
	start = time.Now()
	vet, err := nogo.Vet(ctx, vettool, dir, dir, append(vetFlags, patterns...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("go vet in %v", time.Since(start).Round(time.Millisecond))
	if d := diff(run.Findings, vet); d != "" {
		t.Errorf("nogo's findings (-) differ from go vet's (+):\n%s", d)
	}
	return run.Findings
}

// diff lists the findings of only one of two sorted lists, or "".
func diff(nogo, vet []nogo.Finding) string {
	var b strings.Builder
	for _, f := range nogo {
		if !slices.Contains(vet, f) {
			fmt.Fprintf(&b, "- %s\n", f)
		}
	}
	for _, f := range vet {
		if !slices.Contains(nogo, f) {
			fmt.Fprintf(&b, "+ %s\n", f)
		}
	}
	if b.Len() == 0 && len(nogo) != len(vet) {
		fmt.Fprintf(&b, "the same findings, but %d times in nogo and %d in go vet\n", len(nogo), len(vet))
	}
	return b.String()
}

// want is a // want comment of the module's sources: a regular
// expression that a finding on its line must match.
var want = regexp.MustCompile("// want `([^`]*)`")

// checkWants checks findings against the // want comments of the
// module at dir: one finding per comment, on its line, that matches it,
// and no finding without one.
func checkWants(t *testing.T, dir string, findings []nogo.Finding) {
	t.Helper()
	type key struct {
		file string
		line int
	}
	wants := make(map[key]*regexp.Regexp)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(dir, path)
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			if m := want.FindStringSubmatch(sc.Text()); m != nil {
				wants[key{filepath.ToSlash(rel), line}] = regexp.MustCompile(m[1])
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(wants) == 0 {
		t.Fatalf("%s: no // want comment", dir)
	}
	for _, f := range findings {
		k := key{f.File, f.Line}
		re := wants[k]
		switch {
		case re == nil:
			t.Errorf("unexpected finding %s", f)
		case !re.MatchString(f.Message):
			t.Errorf("%s:%d: finding %q does not match %q", f.File, f.Line, f.Message, re)
		}
		delete(wants, k)
	}
	for k, re := range wants {
		t.Errorf("%s:%d: no finding matching %q: did the facts flow?", k.file, k.line, re)
	}
}

// goBuild builds pkg of the module at dir into out.
func goBuild(ctx context.Context, dir, out, pkg string) ([]byte, error) {
	return nogo.GoCommand(ctx, dir, "build", "-o", out, pkg)
}
