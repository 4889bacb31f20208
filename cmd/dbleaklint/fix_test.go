// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// fakeFindings parses src as file name in a temporary directory and
// returns one finding per fix, each replacing the first occurrence of
// old with new.
func fakeFindings(t *testing.T, src string, fixes [][2]string) (string, []finding) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "f.go")
	if err := os.WriteFile(name, []byte(src), 0o640); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	tf := fset.File(f.Pos())
	pkg := &packages.Package{Fset: fset}
	var out []finding
	for _, fix := range fixes {
		off := strings.Index(src, fix[0])
		if off < 0 {
			t.Fatalf("%q not in source", fix[0])
		}
		pos := tf.Pos(off)
		out = append(out, finding{
			check: &analysis.Analyzer{Name: "fake"},
			pkg:   pkg,
			diag: analysis.Diagnostic{
				Pos:     pos,
				Message: "replace " + fix[0],
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "use " + fix[1],
					TextEdits: []analysis.TextEdit{{Pos: pos, End: tf.Pos(off + len(fix[0])), NewText: []byte(fix[1])}},
				}},
			},
		})
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

// TestMerge checks the overlap rules of edits.
func TestMerge(t *testing.T) {
	for _, tc := range []struct {
		have, add []edit
		ok        bool
	}{
		{[]edit{{0, 2, "a"}}, []edit{{2, 4, "b"}}, true},  // adjacent
		{[]edit{{0, 2, "a"}}, []edit{{1, 3, "b"}}, false}, // overlapping
		{[]edit{{0, 2, "a"}}, []edit{{0, 2, "a"}}, true},  // the same edit twice
		{[]edit{{3, 3, "a"}}, []edit{{3, 3, "b"}}, false}, // two insertions at one offset
		{[]edit{{3, 3, "a"}}, []edit{{3, 5, "b"}}, true},  // insertion before a replacement
		{[]edit{{2, 6, "a"}}, []edit{{4, 4, "b"}}, false}, // insertion inside a replacement
	} {
		got, ok := merge(tc.have, tc.add)
		if ok != tc.ok {
			t.Errorf("merge(%v, %v) ok = %v, want %v", tc.have, tc.add, ok, tc.ok)
			continue
		}
		for i := 1; ok && i < len(got); i++ {
			if got[i-1].start > got[i].start {
				t.Errorf("merge(%v, %v) = %v, not sorted", tc.have, tc.add, got)
			}
		}
	}
}

// TestUnifiedDiff checks hunks: separate and merged changes, and files
// without a final newline.
func TestUnifiedDiff(t *testing.T) {
	lines := func(n int) []string {
		var out []string
		for i := 1; i <= n; i++ {
			out = append(out, "l"+strings.Repeat("x", i%3)+string(rune('a'+i%26))+"\n")
		}
		return out
	}
	a := lines(30)
	b := append([]string(nil), a...)
	b[1] = "changed 2\n"
	b[25] = "changed 26\n"
	got := unifiedDiff("f", []byte(strings.Join(a, "")), []byte(strings.Join(b, "")))
	if n := strings.Count(got, "@@ -"); n != 2 {
		t.Errorf("%d hunks, want 2 (the changes are far apart):\n%s", n, got)
	}
	if !strings.Contains(got, "@@ -1,5 +1,5 @@\n") || !strings.Contains(got, "@@ -23,7 +23,7 @@\n") {
		t.Errorf("unexpected hunk headers:\n%s", got)
	}
	b[8] = "changed 9\n" // within 2*3 lines of line 2: one hunk
	got = unifiedDiff("f", []byte(strings.Join(a[:10], "")), []byte(strings.Join(b[:10], "")))
	if n := strings.Count(got, "@@ -"); n != 1 {
		t.Errorf("%d hunks, want 1:\n%s", n, got)
	}
	got = unifiedDiff("f", []byte("x\ny"), []byte("x\nz"))
	want := "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n\\ No newline at end of file\n"
	if got != want {
		t.Errorf("diff without final newline:\n%q\nwant:\n%q", got, want)
	}
	if got := unifiedDiff("f", []byte("same\n"), []byte("same\n")); got != "" {
		t.Errorf("diff of equal files = %q, want empty", got)
	}
}
