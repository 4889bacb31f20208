// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main_test

import (
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// exitFiles is a module of four packages over database/sql, one per
// outcome: clean releases its rows, leaky leaks them where -fix can
// fix it, nofix where it cannot (the error check is not right after the
// query), and broken
// does not type-check.
var exitFiles = map[string]string{
	"go.mod": "module example.com/exit\n\ngo 1.25\n",
	"clean/clean.go": `package clean

import "database/sql"

func Names(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}
`,
	"leaky/leaky.go": `package leaky

import "database/sql"

func Count(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	rows.Close()
	return n, nil
}
`,
	"nofix/nofix.go": `package nofix

import (
	"database/sql"
	"log"
)

func First(db *sql.DB) (string, error) {
	rows, err := db.Query("SELECT name FROM users")
	log.Print("queried")
	if err != nil {
		return "", err
	}
	if !rows.Next() {
		return "", rows.Err()
	}
	var n string
	if err := rows.Scan(&n); err != nil {
		return "", err
	}
	rows.Close()
	return n, nil
}
`,
	"broken/broken.go": `package broken

import "database/sql"

func Ping(db *sql.DB) error {
	return "not an error"
}
`,
}

// exitTree writes exitFiles to a new directory and returns it.
func exitTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range exitFiles {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	return dir
}

// TestExitStatus checks the exit status of every mode end to end, as
// the usage and docs/guide.md document it: 0 clean, 3 findings, 1
// errors (which win over findings), 2 usage and configuration errors;
// -json is 0 with findings; -diff, which changes nothing, is 3 with any
// finding, fixable or not.
func TestExitStatus(t *testing.T) {
	tree := exitTree(t)
	before := goFiles(t, tree)
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"./clean"}, 0},
		{[]string{"./leaky"}, 3},
		{[]string{"./nofix"}, 3},
		{[]string{"-json", "./leaky"}, 0},
		{[]string{"-format=sarif", "./leaky"}, 3},
		{[]string{"-format=github", "./leaky"}, 3},
		{[]string{"-diff", "./clean"}, 0},
		{[]string{"-diff", "./leaky"}, 3}, // every finding fixable
		{[]string{"-diff", "./nofix"}, 3},
		{[]string{"./broken"}, 1},
		{[]string{"./leaky", "./broken"}, 1}, // errors win over findings
		{[]string{"-json", "./leaky", "./broken"}, 1},
		{[]string{"-diff", "./leaky", "./broken"}, 1},
		{[]string{"./nosuchdir"}, 1},
		{[]string{"-config=" + filepath.Join(tree, "missing.yml"), "./leaky"}, 2},
		{[]string{"-format=xml", "./leaky"}, 2},
		{[]string{"-fix", "-json", "./leaky"}, 2},
	} {
		r := run(t, tree, bin, tc.args...)
		if r.code != tc.want {
			t.Errorf("dbleaklint %s: exit status %d, want %d\nstderr:\n%s", strings.Join(tc.args, " "), r.code, tc.want, r.stderr)
		}
		for _, crash := range []string{"panic:", "goroutine "} {
			if strings.Contains(r.stderr, crash) {
				t.Errorf("dbleaklint %s: stderr contains %q\n%s", strings.Join(tc.args, " "), crash, r.stderr)
			}
		}
	}
	if !maps.Equal(goFiles(t, tree), before) {
		t.Errorf("a mode other than -fix changed files")
	}
}

// TestFixExitStatus checks -fix: 0 when it fixed every finding (and a
// second run finds none), 3 when findings remain, which it prints, 1
// when a package does not type-check; each fix applied is reported on a
// line of its own.
func TestFixExitStatus(t *testing.T) {
	tree := exitTree(t)
	r := run(t, tree, bin, "-fix", "./leaky", "./clean")
	if r.code != 0 {
		t.Fatalf("-fix ./leaky ./clean: exit status %d, want 0\nstderr:\n%s", r.code, r.stderr)
	}
	file := filepath.Join(tree, "leaky", "leaky.go")
	wantLines := []string{
		file + ":6: fixed: Defer rows.Close() after the error check; remove the redundant rows.Close() at line 21",
		"dbleaklint: applied 1 fixes to 1 files",
	}
	if got := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n"); !slices.Equal(got, wantLines) {
		t.Errorf("-fix stderr:\n%s\nwant:\n%s", r.stderr, strings.Join(wantLines, "\n"))
	}
	got := goFiles(t, tree)["leaky/leaky.go"]
	if !strings.Contains(got, "\t}\n\tdefer rows.Close()\n") || strings.Contains(got, "\trows.Close()") {
		t.Errorf("-fix did not defer Close and remove the explicit one:\n%s", got)
	}
	if r := run(t, tree, bin, "./leaky"); r.code != 0 {
		t.Errorf("after -fix: exit status %d, want 0\nstderr:\n%s", r.code, r.stderr)
	}

	tree = exitTree(t)
	r = run(t, tree, bin, "-fix", "./leaky", "./nofix")
	if r.code != 3 {
		t.Fatalf("-fix ./leaky ./nofix: exit status %d, want 3\nstderr:\n%s", r.code, r.stderr)
	}
	fixed := regexp.MustCompile(`(?m)^\S+/leaky/leaky\.go:6: fixed: `)
	left := regexp.MustCompile(`(?m)^\S+/nofix/nofix\.go:9:\d+: rows from db\.Query is not closed`)
	if !fixed.MatchString(r.stderr) || !left.MatchString(r.stderr) {
		t.Errorf("-fix stderr lacks the fix of leaky.go or the finding of nofix.go:\n%s", r.stderr)
	}
	if got := goFiles(t, tree)["nofix/nofix.go"]; got != exitFiles["nofix/nofix.go"] {
		t.Errorf("-fix changed nofix.go, which has no fix:\n%s", got)
	}

	// A package that does not type-check: the others are fixed, and
	// the status is the error's.
	tree = exitTree(t)
	r = run(t, tree, bin, "-fix", "./leaky", "./broken")
	if r.code != 1 || !fixed.MatchString(r.stderr) || !strings.Contains(r.stderr, "broken.go:6:9: ") {
		t.Errorf("-fix ./leaky ./broken: exit status %d, want 1, with the fix of leaky.go and the type error\nstderr:\n%s", r.code, r.stderr)
	}
}
