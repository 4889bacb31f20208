// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const usersV1 = `package store

func (s *Store) Names(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Close()
}
`

// usersShifted is usersV1 with an unrelated function inserted above and
// the leaking code reindented inside a new block.
const usersShifted = `package store

// Count is new and unrelated.
func (s *Store) Count(ctx context.Context) (int, error) {
	return 0, nil
}

func (s *Store) Names(ctx context.Context) ([]string, error) {
	{
		rows,  err := s.db.QueryContext(ctx, "SELECT name FROM users")
		if err != nil {
			return nil, err
		}
		var names []string
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				return nil, err
			}
			names = append(names, n)
		}
		return names, rows.Close()
	}
}
`

// leak returns the diagnostic that rowsclose reports for the query in
// file: it leaks at the return after a failed rows.Scan.
func leak(t *testing.T, file string) Diagnostic {
	t.Helper()
	exit := lineAfter(t, file, "rows.Scan(&n)")
	return Diagnostic{
		Check:   "rowsclose",
		Message: fmt.Sprintf("rows from s.db.QueryContext is not closed on the path that returns at users.go:%d; defer rows.Close() after the error check", exit.Line),
		Posn:    at(t, file, "s.db.QueryContext"),
		Related: []Related{{Posn: exit, Message: "rows leaks here"}},
	}
}

// lineAfter returns the position of the first non-blank character of
// the line after the one that holds needle.
func lineAfter(t *testing.T, file, needle string) Position {
	t.Helper()
	p := at(t, file, needle)
	text, err := newSources().line(file, p.Line+1)
	if err != nil {
		t.Fatal(err)
	}
	p.Line++
	p.Column = len(text) - len(strings.TrimLeft(text, " \t")) + 1
	return p
}

func fingerprint(t *testing.T, d Diagnostic, root string) string {
	t.Helper()
	fp, err := Fingerprint(d, root)
	if err != nil {
		t.Fatal(err)
	}
	return fp
}

func TestFingerprintSurvivesLineShifts(t *testing.T) {
	before := writeTree(t, map[string]string{"store/users.go": usersV1})
	after := writeTree(t, map[string]string{"store/users.go": usersShifted})
	d1 := leak(t, filepath.Join(before, "store", "users.go"))
	d2 := leak(t, filepath.Join(after, "store", "users.go"))
	if d1.Posn.Line == d2.Posn.Line || d1.Message == d2.Message {
		t.Fatalf("the edit should move the finding and its exit: %v %q, %v %q", d1.Posn, d1.Message, d2.Posn, d2.Message)
	}
	// The roots differ as two checkouts of the repository would.
	if fp1, fp2 := fingerprint(t, d1, before), fingerprint(t, d2, after); fp1 != fp2 {
		t.Errorf("fingerprint changed when lines moved: %s, then %s", fp1, fp2)
	}
}

func TestFingerprintChanges(t *testing.T) {
	root := writeTree(t, map[string]string{
		"store/users.go": usersV1,
		"other/users.go": usersV1,
	})
	// The same file in another checkout, with the leaking line edited.
	editedRoot := writeTree(t, map[string]string{
		"store/users.go": strings.Replace(usersV1, "FROM users", "FROM users ORDER BY name", 1),
	})
	base := leak(t, filepath.Join(root, "store", "users.go"))
	fp := fingerprint(t, base, root)

	otherMessage := base
	otherMessage.Message = strings.Replace(base.Message, "returns at", "continues at", 1)
	otherCheck := base
	otherCheck.Check = "rowscan"

	for _, tc := range []struct {
		name string
		d    Diagnostic
		root string
	}{
		{"edited line", leak(t, filepath.Join(editedRoot, "store", "users.go")), editedRoot},
		{"other message", otherMessage, root},
		{"other check", otherCheck, root},
		{"other file", leak(t, filepath.Join(root, "other", "users.go")), root},
	} {
		if got := fingerprint(t, tc.d, tc.root); got == fp {
			t.Errorf("%s: fingerprint %s did not change", tc.name, got)
		}
	}
	// The control: the same finding in an identical checkout keeps it.
	twin := writeTree(t, map[string]string{"store/users.go": usersV1})
	if got := fingerprint(t, leak(t, filepath.Join(twin, "store", "users.go")), twin); got != fp {
		t.Errorf("identical checkout: fingerprint %s, want %s", got, fp)
	}
}

// twoQueries has two identical leaking lines in one function.
const twoQueries = `package store

func (s *Store) Twice(ctx context.Context) {
	rows, _ := s.db.QueryContext(ctx, q)
	rows, _ = s.db.QueryContext(ctx, q)
	rows, _ = s.db.QueryContext(ctx, q)
	rows, _ = s.db.QueryContext(ctx, q)
	_ = rows
}
`

// queries returns a diagnostic for each line of file that acquires rows
// with an identical message.
func queries(t *testing.T, file string) []Diagnostic {
	t.Helper()
	var diags []Diagnostic
	for i, line := range strings.Split(readFile(t, file), "\n") {
		if col := strings.Index(line, "s.db.QueryContext"); col >= 0 {
			diags = append(diags, Diagnostic{
				Check:   "rowsclose",
				Message: "rows from s.db.QueryContext is not closed: the result is discarded",
				Posn:    Position{File: file, Line: i + 1, Column: col + 1},
			})
		}
	}
	return diags
}

func TestFingerprintsOfDuplicates(t *testing.T) {
	twice := strings.Replace(twoQueries, "rows, _ := s.db", "rows, _ = s.db", 1)
	root := writeTree(t, map[string]string{"twice.go": twice})
	file := filepath.Join(root, "twice.go")
	diags := queries(t, file)
	fps, err := Fingerprints(diags, root)
	if err != nil {
		t.Fatal(err)
	}
	if len(fps) != 4 || len(slices.Compact(slices.Sorted(slices.Values(fps)))) != 4 {
		t.Fatalf("identical findings got fingerprints %v, want 4 distinct ones", fps)
	}
	// The first occurrence is what Fingerprint returns.
	if one := fingerprint(t, diags[0], root); one != fps[0] {
		t.Errorf("Fingerprint = %s, want the first occurrence's %s", one, fps[0])
	}
	// The occurrences are numbered in source order, not input order.
	rev := slices.Clone(diags)
	slices.Reverse(rev)
	revFps, err := Fingerprints(rev, root)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(revFps)
	if !slices.Equal(revFps, fps) {
		t.Errorf("fingerprints depend on input order: %v, then %v", fps, revFps)
	}
	// They survive a line shift too.
	writeFile(t, file, strings.Replace(twice, "package store\n", "package store\n\n// Shifted.\n", 1))
	shifted := queries(t, file)
	if shifted[0].Posn.Line != diags[0].Posn.Line+2 {
		t.Fatalf("the edit should move the findings")
	}
	shiftedFps, err := Fingerprints(shifted, root)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(shiftedFps, fps) {
		t.Errorf("fingerprints of duplicates changed with a line shift: %v, then %v", fps, shiftedFps)
	}
}

func TestNormalizeMessage(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"rows from db.Query is not closed on the path that returns at users.go:48", "rows from db.Query is not closed on the path that returns at users.go"},
		{"breaks out of the loop at users.go:12 and returns at users.go:30", "breaks out of the loop at users.go and returns at users.go"},
		{"see internal/store/users.go:48:3 for details", "see internal/store/users.go for details"},
		{"the cancel var defined on line 12 is not used", "the cancel var defined on line is not used"},
		{"rows.Err must be checked", "rows.Err must be checked"},
	} {
		if got := normalizeMessage(tc.in); got != tc.want {
			t.Errorf("normalizeMessage(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
