// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package diff

import (
	"path/filepath"
	"strings"
	"testing"
)

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
	got := Unified("f", []byte(strings.Join(a, "")), []byte(strings.Join(b, "")))
	if n := strings.Count(got, "@@ -"); n != 2 {
		t.Errorf("%d hunks, want 2 (the changes are far apart):\n%s", n, got)
	}
	if !strings.Contains(got, "@@ -1,5 +1,5 @@\n") || !strings.Contains(got, "@@ -23,7 +23,7 @@\n") {
		t.Errorf("unexpected hunk headers:\n%s", got)
	}
	b[8] = "changed 9\n" // within 2*3 lines of line 2: one hunk
	got = Unified("f", []byte(strings.Join(a[:10], "")), []byte(strings.Join(b[:10], "")))
	if n := strings.Count(got, "@@ -"); n != 1 {
		t.Errorf("%d hunks, want 1:\n%s", n, got)
	}
	got = Unified("f", []byte("x\ny"), []byte("x\nz"))
	want := "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n\\ No newline at end of file\n"
	if got != want {
		t.Errorf("diff without final newline:\n%q\nwant:\n%q", got, want)
	}
	if got := Unified("f", []byte("same\n"), []byte("same\n")); got != "" {
		t.Errorf("diff of equal files = %q, want empty", got)
	}
}

// TestName checks the names in the headers: relative to the root and
// slash-separated, unless outside it.
func TestName(t *testing.T) {
	root := filepath.Join(string(filepath.Separator), "repo")
	for file, want := range map[string]string{
		filepath.Join(root, "a", "b.go"):                           "a/b.go",
		filepath.Join(root, "b.go"):                                "b.go",
		filepath.Join(string(filepath.Separator), "other", "c.go"): filepath.Join(string(filepath.Separator), "other", "c.go"),
	} {
		if got := Name(root, file); got != want {
			t.Errorf("Name(%q, %q) = %q, want %q", root, file, got, want)
		}
	}
}

// TestInsertDelete checks hunks that only insert or only delete, whose
// empty side is numbered by the line before it.
func TestInsertDelete(t *testing.T) {
	got := Unified("f", []byte("a\nb\n"), []byte("a\nx\nb\n"))
	want := "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n+x\n b\n"
	if got != want {
		t.Errorf("insertion:\n%q\nwant:\n%q", got, want)
	}
	got = Unified("f", []byte("a\n"), nil)
	want = "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n"
	if got != want {
		t.Errorf("deletion of everything:\n%q\nwant:\n%q", got, want)
	}
}

// TestLarge checks that a change too large to match line by line is
// still a correct diff: its changed middle is one hunk.
func TestLarge(t *testing.T) {
	var a, b strings.Builder
	for i := range 3000 {
		a.WriteString("old " + strings.Repeat("x", i%7) + "\n")
		b.WriteString("new " + strings.Repeat("y", i%5) + "\n")
	}
	got := Unified("f", []byte("same\n"+a.String()+"end\n"), []byte("same\n"+b.String()+"end\n"))
	deleted, inserted := 0, 0
	for line := range strings.Lines(got) {
		switch {
		case strings.HasPrefix(line, "--- "), strings.HasPrefix(line, "+++ "):
		case strings.HasPrefix(line, "-"):
			deleted++
		case strings.HasPrefix(line, "+"):
			inserted++
		}
	}
	if deleted != 3000 || inserted != 3000 {
		t.Errorf("%d lines deleted and %d inserted, want 3000 and 3000", deleted, inserted)
	}
	if !strings.Contains(got, "@@ -1,3002 +1,3002 @@\n same\n") {
		t.Errorf("want one hunk with the unchanged first line:\n%.200s", got)
	}
}
