// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package fixtest tests a check's suggested fixes on an analysistest
// package of testdata/src/fix, in two steps: the fixes must turn each
// file into its .golden twin (analysistest.RunWithSuggestedFixes), and
// the fixed package must type-check and draw no finding from the check
// in the fixed files. A "// fix:" comment above a finding gives what the
// message of its fix must say (see [fixPrefix]).
package fixtest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
)

// want matches the expectation comments that the fixed files keep from
// their originals; the fixed code must not need them.
var want = regexp.MustCompile(`[ \t]*// want .*`)

// Run checks the fixes of analyzer a on testdata/src/fix/pkg.
func Run(t *testing.T, a *analysis.Analyzer, pkg string) {
	t.Helper()
	testdata := testutil.TestData()
	checkMessages(t, analysistest.RunWithSuggestedFixes(t, testdata, a, "fix/"+pkg))

	// Build a GOPATH tree in which each file with a golden twin is
	// replaced by it, without its "// want" comments, and the others,
	// the leaks that get no fix, are kept with theirs.
	root := t.TempDir()
	src := filepath.Join(testdata, "src", "fix", pkg)
	dst := filepath.Join(root, "src", "fix", pkg)
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(testdata, "src", "github.com"), filepath.Join(root, "src", "github.com")); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	fixed := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, name+".golden"))
		switch {
		case err == nil:
			data = want.ReplaceAll(data, nil)
			fixed++
		case os.IsNotExist(err):
			data, err = os.ReadFile(filepath.Join(src, name))
			if err != nil {
				t.Fatal(err)
			}
		default:
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if fixed == 0 {
		t.Logf("fix/%s has no golden file: no fix is expected", pkg)
	}
	for _, r := range analysistest.Run(t, root, a, "fix/"+pkg) {
		for _, err := range r.Action.Package.Errors {
			t.Errorf("fixed code does not compile: %v", err)
		}
	}
}
