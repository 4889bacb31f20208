// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package fix

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
)

const src = `package p

func f() int {
	x := 1
	return x
}

func g() int {
	return 2
}
`

// diags writes src in a temporary directory and returns one diagnostic
// per fix, each replacing the first occurrence of old with new.
func diags(t *testing.T, fixes [][2]string) (string, *token.FileSet, []analysis.Diagnostic) {
	t.Helper()
	return testutil.Replacements(t, src, fixes)
}

// TestSet checks that fixes are applied in order and gofmt-ed, that a
// fix repeated by another finding is applied once, that an overlapping
// one is rejected with its position, and that the file is not written.
func TestSet(t *testing.T) {
	name, fset, ds := diags(t, [][2]string{
		{"return 2", "return 20"},
		{"x := 1", "x :=    10"},
		{"return 2", "return 20"},      // the same edit: taken once
		{"return 2\n}", "return 3\n}"}, // overlaps the first
	})
	ds = append(ds, analysis.Diagnostic{Pos: ds[0].Pos, Message: "no fix"})
	s := NewSet()
	for i, d := range ds {
		applied, conflict := s.Add(fset, d)
		wantApplied := i < 3
		if applied != wantApplied {
			t.Errorf("fix %d: applied = %t, want %t", i, applied, wantApplied)
		}
		if wantConflict := i == 3; (conflict != "") != wantConflict {
			t.Errorf("fix %d: conflict %q, want one: %t", i, conflict, wantConflict)
		}
		if i == 3 && (!strings.HasPrefix(conflict, name+":9:2: fix ") || !strings.HasSuffix(conflict, "conflicts with another fix; not applied")) {
			t.Errorf("conflict = %q, want the finding's position and the fix", conflict)
		}
	}
	files, err := s.Files()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer("x := 1", "x := 10", "return 2", "return 20").Replace(src)
	if len(files) != 1 || files[0].Name != name || string(files[0].Before) != src || string(files[0].After) != want {
		t.Fatalf("Files() = %+v, want %s fixed:\n%s", files, name, want)
	}
	if got, _ := os.ReadFile(name); string(got) != src {
		t.Errorf("Files wrote the file")
	}
}

// TestInvalidEdit checks that a fix whose edit ends before it starts is
// rejected whole.
func TestInvalidEdit(t *testing.T) {
	_, fset, ds := diags(t, [][2]string{{"return 2", "return 20"}})
	te := &ds[0].SuggestedFixes[0].TextEdits[0]
	te.Pos, te.End = te.End, te.Pos
	s := NewSet()
	if applied, conflict := s.Add(fset, ds[0]); applied || !strings.Contains(conflict, "has an invalid edit") {
		t.Errorf("Add = %t, %q; want false and an invalid edit", applied, conflict)
	}
	if files, err := s.Files(); err != nil || len(files) != 0 {
		t.Errorf("Files() = %v, %v; want none", files, err)
	}
}

// TestUnformattable checks that a file that no longer parses after its
// edits is returned as edited, not formatted.
func TestUnformattable(t *testing.T) {
	name, fset, ds := diags(t, [][2]string{{"return 2", "return 2 +"}})
	s := NewSet()
	s.Add(fset, ds[0])
	files, err := s.Files()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || string(files[0].After) != strings.Replace(src, "return 2", "return 2 +", 1) {
		t.Errorf("Files() = %+v, want %s edited as is", files, name)
	}
}

// TestMissingFile checks that a file that cannot be read is an error.
func TestMissingFile(t *testing.T) {
	name, fset, ds := diags(t, [][2]string{{"return 2", "return 20"}})
	s := NewSet()
	s.Add(fset, ds[0])
	os.Remove(name)
	if _, err := s.Files(); err == nil {
		t.Errorf("Files() of a removed file: no error")
	}
}

// TestWriteFile checks that the file is replaced with its permissions
// kept and no temporary file left beside it.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f.go")
	if err := os.WriteFile(name, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(name, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(name); string(got) != "new" {
		t.Errorf("content %q, want new", got)
	}
	if fi, err := os.Stat(name); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v (%v), want the original 0640", fi.Mode().Perm(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries in the directory, want the file only", len(entries))
	}
	if err := WriteFile(filepath.Join(dir, "missing.go"), []byte("x")); err == nil {
		t.Errorf("WriteFile of a missing file: no error")
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
