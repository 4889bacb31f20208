// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestBaselineRoundTrip(t *testing.T) {
	root := writeTree(t, map[string]string{
		"store/users.go": usersV1,
		"store/twice.go": twoQueries,
	})
	diags := append(queries(t, filepath.Join(root, "store", "twice.go")), leak(t, filepath.Join(root, "store", "users.go")))
	path := filepath.Join(root, ".dbleaklint-baseline.json")
	if err := WriteBaseline(path, diags, root); err != nil {
		t.Fatal(err)
	}
	b, err := ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.Version != 1 || b.Tool != "dbleaklint" || b.Len() != len(diags) {
		t.Fatalf("read back version %d, tool %q, %d findings; want 1, dbleaklint, %d", b.Version, b.Tool, b.Len(), len(diags))
	}
	fps, err := Fingerprints(diags, root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range b.Findings {
		got = append(got, f.Fingerprint)
		if f.File != "store/twice.go" && f.File != "store/users.go" {
			t.Errorf("finding file %q is not relative to the root", f.File)
		}
	}
	if !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(fps))) {
		t.Errorf("baseline fingerprints %v, want %v", got, fps)
	}

	fresh, known, err := b.Filter(diags, root)
	if err != nil || len(fresh) != 0 || known != len(diags) {
		t.Errorf("Filter(same findings) = %d fresh, %d known, %v; want 0, %d, nil", len(fresh), known, err, len(diags))
	}

	// The file is deterministic: the order of the findings does not
	// matter, and it is sorted by file.
	first := readFile(t, path)
	rev := slices.Clone(diags)
	slices.Reverse(rev)
	if err := WriteBaseline(path, rev, root); err != nil {
		t.Fatal(err)
	}
	if second := readFile(t, path); second != first {
		t.Errorf("baseline depends on the order of findings:\n%s\nthen\n%s", first, second)
	}
	if i, j := strings.Index(first, "store/twice.go"), strings.Index(first, "store/users.go"); i < 0 || j < i {
		t.Errorf("findings not sorted by file:\n%s", first)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("baseline mode: %v, %v; want -rw-r--r--", info.Mode(), err)
	}
}

// TestBaselineAdoption is the story of the gate: a baseline of today's
// findings, an unrelated edit that moves them, and one new leak, which is
// the only one reported.
func TestBaselineAdoption(t *testing.T) {
	root := writeTree(t, map[string]string{"store/users.go": usersV1})
	file := filepath.Join(root, "store", "users.go")
	path := filepath.Join(root, "baseline.json")
	if err := WriteBaseline(path, []Diagnostic{leak(t, file)}, root); err != nil {
		t.Fatal(err)
	}

	writeFile(t, file, usersShifted+`
func (s *Store) Emails(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT email FROM users")
	if err != nil {
		return nil, err
	}
	return nil, nil
}
`)
	old := leak(t, file)
	added := Diagnostic{
		Check:   "rowsclose",
		Message: "rows from s.db.QueryContext is not closed on the path that returns at users.go:35",
		Posn:    at(t, file, `s.db.QueryContext(ctx, "SELECT email`),
	}
	b, err := ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	fresh, known, err := b.Filter([]Diagnostic{added, old}, root)
	if err != nil {
		t.Fatal(err)
	}
	if known != 1 || len(fresh) != 1 || fresh[0].Posn != added.Posn {
		t.Errorf("Filter = %v, %d known; want only the new finding at %v and 1 known", fresh, known, added.Posn)
	}
}

func TestBaselineEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := WriteBaseline(path, nil, filepath.Dir(path)); err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(readFile(t, path)), &raw); err != nil {
		t.Fatal(err)
	}
	if findings, ok := raw["findings"].([]any); !ok || len(findings) != 0 {
		t.Errorf("findings of an empty baseline = %#v, want []", raw["findings"])
	}
	b, err := ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	d := Diagnostic{Check: "txend", Message: "m", Posn: Position{File: path, Line: 1, Column: 1}}
	if fresh, known, err := b.Filter([]Diagnostic{d}, filepath.Dir(path)); err != nil || len(fresh) != 1 || known != 0 {
		t.Errorf("Filter with an empty baseline = %v, %d, %v; want the finding, 0, nil", fresh, known, err)
	}
}

func TestReadBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := ReadBaseline(filepath.Join(dir, "missing.json"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: error %v does not wrap fs.ErrNotExist", err)
	}
	for _, tc := range []struct {
		name, content, want string
	}{
		{"empty", "", "not a dbleaklint baseline"},
		{"garbage", "rowsclose users.go:12\n", "not a dbleaklint baseline"},
		{"array", "[]", "not a dbleaklint baseline"},
		{"other tool", `{"version": 1, "tool": "golangci-lint", "findings": []}`, `tool is "golangci-lint"`},
		{"no version", `{"tool": "dbleaklint", "findings": []}`, "has no version"},
		{"newer version", `{"version": 2, "tool": "dbleaklint", "entries": {}}`, "baseline version 2 is not supported"},
		{"unknown field", `{"version": 1, "tool": "dbleaklint", "findings": [], "extra": 1}`, `unknown field "extra"`},
		{"no fingerprint", `{"version": 1, "tool": "dbleaklint", "findings": [{"check": "txend"}]}`, "finding 1 has no fingerprint"},
		{"trailing garbage", `{"version": 1, "tool": "dbleaklint", "findings": []} x`, "not a dbleaklint baseline"},
	} {
		path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".json")
		writeFile(t, path, tc.content)
		_, err := ReadBaseline(path)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), path+": ") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v; want one line starting with the path and containing %q", tc.name, err, tc.want)
		}
	}
}
