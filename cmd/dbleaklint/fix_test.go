// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
)

// fakeFindings writes src in a temporary directory and returns one
// finding per fix, each replacing the first occurrence of old with new.
func fakeFindings(t *testing.T, src string, fixes [][2]string) (string, []finding) {
	t.Helper()
	name, fset, diags := testutil.Replacements(t, src, fixes)
	pkg := &packages.Package{Fset: fset}
	out := make([]finding, len(diags))
	for i, d := range diags {
		out[i] = finding{check: &analysis.Analyzer{Name: "fake"}, pkg: pkg, diag: d}
	}
	return name, out
}

const fixSrc = `package p

func f() int {
	x := 1
	return x
}

func g() int {
	return 2
}
`

// TestApplyFixes checks that fixes are applied, sorted and gofmt-ed, and
// written in place.
func TestApplyFixes(t *testing.T) {
	name, findings := fakeFindings(t, fixSrc, [][2]string{{"return 2", "return 20"}, {"x := 1", "x :=    10"}})
	var stderr strings.Builder
	c := &command{stdout: new(strings.Builder), stderr: &stderr}
	if code := c.applyFixes(findings); code != exitOK {
		t.Fatalf("exit status %d, want 0; stderr:\n%s", code, stderr.String())
	}
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	// The second fix's spacing is gofmt-ed away.
	want := strings.NewReplacer("x := 1", "x := 10", "return 2", "return 20").Replace(fixSrc)
	if string(got) != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the original 0640", fi.Mode().Perm())
	}
}

// TestFixConflict checks that a fix overlapping another is not applied
// and its finding is printed instead, with exit status 3.
func TestFixConflict(t *testing.T) {
	name, findings := fakeFindings(t, fixSrc, [][2]string{{"return 2", "return 20"}, {"return 2\n}", "return 3\n}"}})
	var stderr strings.Builder
	c := &command{stdout: new(strings.Builder), stderr: &stderr, opts: options{context: -1}}
	if code := c.applyFixes(findings); code != exitFindings {
		t.Errorf("exit status %d, want 3", code)
	}
	got, _ := os.ReadFile(name)
	if !strings.Contains(string(got), "return 20\n") || strings.Contains(string(got), "return 3") {
		t.Errorf("want the first fix only:\n%s", got)
	}
	if !strings.Contains(stderr.String(), "conflicts with another fix") || !strings.Contains(stderr.String(), "replace return 2\n}") {
		t.Errorf("stderr lacks the conflict and the unfixed finding:\n%s", stderr.String())
	}
}

// TestDiff checks that -diff prints a unified diff and leaves the file,
// with exit status 3 for the finding it shows the fix of.
func TestDiff(t *testing.T) {
	name, findings := fakeFindings(t, fixSrc, [][2]string{{"return 2", "return 20"}})
	var stdout strings.Builder
	c := &command{stdout: &stdout, stderr: new(strings.Builder), opts: options{diff: true}}
	if code := c.applyFixes(findings); code != exitFindings {
		t.Fatalf("exit status %d, want 3", code)
	}
	want := "--- a/" + name + "\n+++ b/" + name + "\n" +
		"@@ -6,5 +6,5 @@\n" +
		" }\n \n func g() int {\n-\treturn 2\n+\treturn 20\n }\n"
	if stdout.String() != want {
		t.Errorf("diff:\n%s\nwant:\n%s", stdout.String(), want)
	}
	if got, _ := os.ReadFile(name); string(got) != fixSrc {
		t.Errorf("-diff changed the file")
	}
}
