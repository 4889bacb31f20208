// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main_test

import (
	"encoding/json"
	"maps"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// unusedDirective is a file added to the example: its directive
// silences nothing, and the ignore check's fix deletes it.
const unusedDirective = `package leaky

import "context"

// Ping checks that the pool hands out connections.
func (s *Service) Ping(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx) //dbleaklint:ignore released by the defer
	if err != nil {
		return err
	}
	defer conn.Release()
	return conn.Ping(ctx)
}
`

// fixTree returns a copy of the example with unusedDirective added.
func fixTree(t *testing.T) string {
	t.Helper()
	tree := leakyTree(t)
	writeFile(t, filepath.Join(tree, "examples", "userservice", "leaky", "ping.go"), unusedDirective)
	return tree
}

// lineRef matches the line numbers of a message's file references,
// which fixes shift.
var lineRef = regexp.MustCompile(`\.go:\d+`)

// findingsByFix runs dbleaklint -json in tree and returns its findings,
// as "check file message" with the message's line numbers blanked,
// split into those with a suggested fix and those without.
func findingsByFix(t *testing.T, tree string) (withFix, without []string) {
	t.Helper()
	r := run(t, tree, bin, "-json", "./...")
	if r.code != 0 {
		t.Fatalf("-json: exit status %d\nstderr:\n%s", r.code, r.stderr)
	}
	var out map[string]map[string][]struct {
		Posn           string `json:"posn"`
		Message        string `json:"message"`
		SuggestedFixes []any  `json:"suggested_fixes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("decoding -json output: %v\n%s", err, r.stdout)
	}
	for _, pkg := range slices.Sorted(maps.Keys(out)) {
		for check, diags := range out[pkg] {
			for _, d := range diags {
				posn := relPosn(t, tree, d.Posn)
				key := check + " " + posn[:strings.Index(posn, ":")] + " " + lineRef.ReplaceAllString(d.Message, ".go:N")
				if len(d.SuggestedFixes) > 0 {
					withFix = append(withFix, key)
				} else {
					without = append(without, key)
				}
			}
		}
	}
	slices.Sort(withFix)
	slices.Sort(without)
	return withFix, without
}

// TestFixCommand applies -fix to a copy of the example: the fixed code
// is gofmt-ed and builds, the findings that had a fix are gone, the
// others remain (exit status 3), and the unused directive is deleted.
func TestFixCommand(t *testing.T) {
	tree := fixTree(t)
	withFix, without := findingsByFix(t, tree)
	if !slices.ContainsFunc(withFix, func(k string) bool { return strings.HasPrefix(k, "ignore ") }) {
		t.Fatalf("the unused directive has no fix; findings with a fix: %q", withFix)
	}
	// The example has leaks of both kinds; else this test proves less.
	if len(withFix) < 2 || len(without) == 0 {
		t.Fatalf("want findings with and without a fix; with: %q, without: %q", withFix, without)
	}

	r := run(t, tree, bin, "-fix", "./...")
	if r.code != 3 {
		t.Fatalf("-fix: exit status %d, want 3 for the findings without a fix\nstderr:\n%s", r.code, r.stderr)
	}
	if got := len(parseText(t, tree, r.stderr)); got != len(without) {
		t.Errorf("-fix printed %d findings, want the %d without a fix\nstderr:\n%s", got, len(without), r.stderr)
	}
	checkBuilds(t, tree)
	if got := goFiles(t, tree)["examples/userservice/leaky/ping.go"]; strings.Contains(got, "dbleaklint:ignore") {
		t.Errorf("the unused directive is still there:\n%s", got)
	}

	after, none := findingsByFix(t, tree)
	if len(after) > 0 {
		t.Errorf("after -fix, findings with a fix remain: %q", after)
	}
	if !slices.Equal(none, without) {
		t.Errorf("after -fix, findings\n%q\nwant those that had no fix\n%q", none, without)
	}
}

// checkBuilds checks that the module in tree is gofmt-ed and passes go
// vet, which type-checks its tests too.
func checkBuilds(t *testing.T, tree string) {
	t.Helper()
	if r := run(t, tree, "go", "vet", "./..."); r.code != 0 {
		t.Errorf("go vet on the fixed code: exit status %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, tree, "gofmt", "-l", "."); r.code != 0 || r.stdout != "" {
		t.Errorf("gofmt -l on the fixed code: exit status %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestDiffCommand checks that -diff changes no file and prints a
// unified diff that, applied at the repository root, gives what -fix
// writes.
func TestDiffCommand(t *testing.T) {
	tree := fixTree(t)
	before := goFiles(t, tree)
	r := run(t, tree, bin, "-diff", "./...")
	if r.code != 3 {
		t.Fatalf("-diff: exit status %d, want 3 for the findings without a fix\nstderr:\n%s", r.code, r.stderr)
	}
	if !maps.Equal(goFiles(t, tree), before) {
		t.Fatal("-diff changed files")
	}
	for _, want := range []string{
		"--- a/examples/userservice/leaky/users.go\n+++ b/examples/userservice/leaky/users.go\n@@ ",
		"+\tdefer conn.Release()\n",
		"-\tconn, err := s.pool.Acquire(ctx) //dbleaklint:ignore released by the defer\n+\tconn, err := s.pool.Acquire(ctx)\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("-diff output lacks %q\nstdout:\n%s", want, r.stdout)
		}
	}

	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git to apply the diff with")
	}
	patch := filepath.Join(t.TempDir(), "fix.diff")
	writeFile(t, patch, r.stdout)
	if a := run(t, tree, git, "apply", patch); a.code != 0 {
		t.Fatalf("git apply of the -diff output: exit status %d\n%s", a.code, a.stderr)
	}
	fixed := fixTree(t)
	if r := run(t, fixed, bin, "-fix", "./..."); r.code != 3 {
		t.Fatalf("-fix: exit status %d\nstderr:\n%s", r.code, r.stderr)
	}
	compareTrees(t, tree, fixed, "-diff applied", "-fix")
}

// compareTrees checks that the two trees hold the same .go files.
func compareTrees(t *testing.T, a, b, nameA, nameB string) {
	t.Helper()
	fa, fb := goFiles(t, a), goFiles(t, b)
	for _, name := range slices.Sorted(maps.Keys(fa)) {
		if fa[name] != fb[name] {
			t.Errorf("%s: %s gives\n%s\n%s gives\n%s", name, nameA, fa[name], nameB, fb[name])
		}
	}
	for name := range fb {
		if _, ok := fa[name]; !ok {
			t.Errorf("%s: only %s has it", name, nameB)
		}
	}
}

// TestGoFix checks that go fix -fixtool=dbleaklint, which runs it under
// the go command's vet protocol, applies the same fixes as -fix.
func TestGoFix(t *testing.T) {
	if r := run(t, ".", "go", "help", "fix"); !strings.Contains(r.stdout, "-fixtool") {
		t.Skip("this go command's fix has no -fixtool flag")
	}
	tree := fixTree(t)
	if r := run(t, tree, "go", "fix", "-fixtool="+bin, "./..."); r.code != 0 {
		t.Fatalf("go fix: exit status %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	fixed := fixTree(t)
	if r := run(t, fixed, bin, "-fix", "./..."); r.code != 3 {
		t.Fatalf("-fix: exit status %d\nstderr:\n%s", r.code, r.stderr)
	}
	compareTrees(t, tree, fixed, "go fix", "-fix")
	// Equal trees could also mean that neither command fixed anything.
	if !strings.Contains(goFiles(t, tree)["examples/userservice/leaky/users.go"], "defer conn.Release()") {
		t.Errorf("go fix did not add the release to users.go")
	}
}
