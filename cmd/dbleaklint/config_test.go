// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestConfigErrors checks that a bad -config file is one line on
// stderr, naming the file, the line where the file has one, and what is
// wrong, with exit status 2 and no crash.
func TestConfigErrors(t *testing.T) {
	tree := leakyTree(t)
	for _, tc := range []struct {
		name    string
		content string // "" for no file at all
		want    string // regexp of the line; FILE stands for the file's name
	}{
		{
			name:    "unknown key",
			content: "strict: false\nbogus: 1\n",
			want:    `^dbleaklint: FILE:2: unknown key "bogus"$`,
		},
		{
			name:    "malformed YAML",
			content: "strict: false\ndisable: [connrelease\n",
			want:    `^dbleaklint: FILE:2: \S.*$`,
		},
		{
			// The loaded packages show that the type does not exist:
			// the error comes from the analysis, and still names the
			// resource's line in the file.
			name: "unknown resource type",
			content: `strict: false
resources:
  - type: "*github.com/jackc/pgx/v5/pgxpool.Nope"
    check: connrelease
    acquire: ["(*github.com/jackc/pgx/v5/pgxpool.Pool).Acquire"]
    release: [Release]
`,
			want: `^dbleaklint: FILE:3: resource type \*github\.com/jackc/pgx/v5/pgxpool\.Nope: package github\.com/jackc/pgx/v5/pgxpool has no type Nope$`,
		},
		{
			name: "missing file",
			want: `^dbleaklint: open FILE: no such file or directory$`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			config := filepath.Join(t.TempDir(), "dbleaklint.yml")
			if tc.content != "" {
				writeFile(t, config, tc.content)
			}
			r := run(t, tree, bin, "-config="+config, "./...")
			if r.code != 2 {
				t.Errorf("exit status %d, want 2", r.code)
			}
			checkOneLineError(t, r, config, tc.want)
		})
	}
}

// checkOneLineError checks that r printed nothing on stdout and one
// line on stderr, which matches want with FILE standing for file.
func checkOneLineError(t *testing.T, r result, file, want string) {
	t.Helper()
	if r.stdout != "" {
		t.Errorf("unexpected stdout:\n%s", r.stdout)
	}
	for _, crash := range []string{"panic", "goroutine "} {
		if strings.Contains(r.stderr, crash) {
			t.Errorf("stderr contains %q:\n%s", crash, r.stderr)
		}
	}
	line, ok := strings.CutSuffix(r.stderr, "\n")
	if !ok || strings.Contains(line, "\n") {
		t.Fatalf("stderr is not one line:\n%s", r.stderr)
	}
	re := regexp.MustCompile(strings.ReplaceAll(want, "FILE", regexp.QuoteMeta(file)))
	if !re.MatchString(line) {
		t.Errorf("stderr %q, want %s", line, re)
	}
}

// TestConfigFileFound checks that the .dbleaklint.yml of the working
// directory, or of a parent, is applied; that -config=none ignores it;
// and that the command line wins over it.
func TestConfigFileFound(t *testing.T) {
	tree := leakyTree(t)
	writeFile(t, filepath.Join(tree, ".dbleaklint.yml"), "disable: [connrelease]\n")
	sub := filepath.Join(tree, "examples", "userservice")
	var notConn []want
	for _, w := range leakyWant {
		if w.Check != "connrelease" {
			notConn = append(notConn, w)
		}
	}
	for _, tc := range []struct {
		name string
		dir  string
		args []string
		want []want
	}{
		{"working directory", tree, nil, notConn},
		{"parent directory", sub, nil, notConn},
		{"-config=none", tree, []string{"-config=none"}, leakyWant},
		{"check flag", tree, []string{"-connrelease"}, wantsOf("connrelease")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, tc.dir, bin, append(tc.args, "./...")...)
			if r.code != 3 {
				t.Fatalf("exit status %d, want 3\nstderr:\n%s", r.code, r.stderr)
			}
			checkFindings(t, parseText(t, tree, r.stderr), tc.want)
		})
	}
	// The file is read, not merely found: a bad one is an error.
	writeFile(t, filepath.Join(tree, ".dbleaklint.yml"), "disable: [nosuchcheck]\n")
	r := run(t, sub, bin, "./...")
	if r.code != 2 {
		t.Errorf("bad .dbleaklint.yml: exit status %d, want 2", r.code)
	}
	checkOneLineError(t, r, filepath.Join(tree, ".dbleaklint.yml"), `^dbleaklint: FILE:1: disable\[0\]: unknown check "nosuchcheck"`)
}
