// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// newLeak is a file added to the example after its baseline was taken:
// a connection leak at line 8, column 15.
const newLeak = `package leaky

import "context"

// Ping checks that the pool hands out connections; it never gives its
// connection back.
func (s *Service) Ping(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	return conn.Ping(ctx)
}
`

// TestBaseline follows the adoption flow of docs/ci.md on a copy of the
// example: a missing baseline is an error; -update-baseline records
// today's findings, after which the gate passes, still passes when
// lines move, and fails on a new leak, reporting it alone.
func TestBaseline(t *testing.T) {
	tree := leakyTree(t)
	baseline := filepath.Join(tree, ".dbleaklint-baseline.json")

	// A missing baseline is an error, so that a typo in its name does
	// not turn the gate off.
	r := run(t, tree, bin, "-baseline="+baseline, "./...")
	if r.code != 2 {
		t.Errorf("missing baseline: exit status %d, want 2", r.code)
	}
	checkOneLineError(t, r, baseline, `^dbleaklint: baseline FILE does not exist`)

	r = run(t, tree, bin, "-baseline="+baseline, "-update-baseline", "./...")
	if r.code != 0 {
		t.Fatalf("-update-baseline: exit status %d, want 0\nstderr:\n%s", r.code, r.stderr)
	}
	checkBaselineFile(t, baseline, leakyWant)

	r = run(t, tree, bin, "-baseline="+baseline, "./...")
	if r.code != 0 || len(parseText(t, tree, r.stderr)) > 0 {
		t.Fatalf("with the baseline: exit status %d, want 0 and no finding\nstderr:\n%s", r.code, r.stderr)
	}

	// Unrelated lines at the top of users.go move its findings down.
	users := filepath.Join(tree, "examples", "userservice", "leaky", "users.go")
	src, err := os.ReadFile(users)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, users, "// Users of the service.\n//\n// They have accounts.\n\n"+string(src))
	r = run(t, tree, bin, "./...")
	if !slices.ContainsFunc(parseText(t, tree, r.stderr), func(f finding) bool {
		return f.Posn == "examples/userservice/leaky/users.go:21:15" // was 17:15
	}) {
		t.Fatalf("the inserted lines did not move the finding of users.go:17 to line 21\nstderr:\n%s", r.stderr)
	}
	r = run(t, tree, bin, "-baseline="+baseline, "./...")
	if r.code != 0 || len(parseText(t, tree, r.stderr)) > 0 {
		t.Fatalf("after a line shift: exit status %d, want 0 and no finding\nstderr:\n%s", r.code, r.stderr)
	}

	// A new leak fails the gate, and is the only finding reported.
	writeFile(t, filepath.Join(tree, "examples", "userservice", "leaky", "ping.go"), newLeak)
	fresh := []want{{
		Check:   "connrelease",
		Posn:    "examples/userservice/leaky/ping.go:8:15",
		Prefix:  "connection conn from s.pool.Acquire is not released on the path that returns at ping.go:12;",
		Related: related{"examples/userservice/leaky/ping.go:12:2", "connection leaks here"},
	}}
	r = run(t, tree, bin, "-baseline="+baseline, "./...")
	if r.code != 3 {
		t.Fatalf("with a new leak: exit status %d, want 3\nstderr:\n%s", r.code, r.stderr)
	}
	checkFindings(t, parseText(t, tree, r.stderr), fresh)

	// The gate of docs/ci.md: the same with annotations.
	r = run(t, tree, bin, "-baseline="+baseline, "-format=github", "./...")
	if r.code != 3 {
		t.Fatalf("-format=github with a new leak: exit status %d, want 3\nstderr:\n%s", r.code, r.stderr)
	}
	checkGitHub(t, r.stdout, fresh)
}

// checkBaselineFile checks that the baseline at name lists exactly the
// findings of wants, by check and file relative to the repository root.
func checkBaselineFile(t *testing.T, name string, wants []want) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("-update-baseline did not write the baseline: %v", err)
	}
	var b struct {
		Version  int    `json:"version"`
		Tool     string `json:"tool"`
		Findings []struct {
			Fingerprint string `json:"fingerprint"`
			Check       string `json:"check"`
			File        string `json:"file"`
			Message     string `json:"message"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatalf("baseline is not JSON: %v\n%s", err, data)
	}
	if b.Version != 1 || b.Tool != "dbleaklint" {
		t.Errorf("baseline version %d of tool %q, want 1 of dbleaklint", b.Version, b.Tool)
	}
	var got, want []string
	for _, f := range b.Findings {
		if f.Fingerprint == "" || f.Message == "" {
			t.Errorf("baseline entry without fingerprint or message: %+v", f)
		}
		got = append(got, f.Check+" "+f.File)
	}
	for _, w := range wants {
		want = append(want, w.Check+" "+w.Posn[:strings.Index(w.Posn, ":")])
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("baseline lists %q, want %q", got, want)
	}
}
