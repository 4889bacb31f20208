// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package fixtest tests a check's suggested fixes on an analysistest
// package of testdata/src/fix, in two steps: the fixes must turn each
// file into its .golden twin (testutil.RunWithSuggestedFixes), and
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

	"github.com/dbleaklint/dbleaklint/internal/testutil"
)

// want matches the expectation comments that the fixed files keep from
// their originals; the fixed code must not need them.
var want = regexp.MustCompile(`[ \t]*// want .*`)

// Run checks the fixes of analyzer a on testdata/src/fix/pkg.
func Run(t *testing.T, a *analysis.Analyzer, pkg string) {
	t.Helper()
	testdata := testutil.TestData()
	checkMessages(t, testutil.RunWithSuggestedFixes(t, testdata, a, "fix/"+pkg))

	// The package again, each file with a golden twin replaced by it,
	// without its "// want" comments; the others, the leaks that get no
	// fix, are kept with theirs.
	src := filepath.Join(testdata, "src", "fix", pkg)
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	fixed := make(map[string][]byte)
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".golden")
		if !ok {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fixed[name] = want.ReplaceAll(data, nil)
	}
	if len(fixed) == 0 {
		t.Logf("fix/%s has no golden file: no fix is expected", pkg)
	}
	// Type errors of the fixed code are reported as errors of the test.
	testutil.RunEdited(t, testdata, a, "fix/"+pkg, fixed)
}
