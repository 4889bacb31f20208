// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// cacheModule is a module of three packages: caller passes its rows to
// a helper of callee, which closes them; other uses database/sql and
// imports neither.
var cacheModule = map[string]string{
	"go.mod": "module example.com/cached\n\ngo 1.25\n",
	"callee/callee.go": `package callee

import "database/sql"

// Done closes rows.
func Done(rows *sql.Rows) { rows.Close() }
`,
	"caller/caller.go": `package caller

import (
	"database/sql"

	"example.com/cached/callee"
)

func Names(db *sql.DB) error {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return err
	}
	callee.Done(rows)
	return nil
}
`,
	"other/other_test.go": `package other

import "testing"

func TestNothing(t *testing.T) {}
`,
	"other/other.go": `package other

import "database/sql"

func Count(db *sql.DB) (n int, err error) {
	err = db.QueryRow("SELECT count(*) FROM users").Scan(&n)
	return n, err
}
`,
}

// borrowingCallee is callee.go with a Done that no longer closes rows.
const borrowingCallee = `package callee

import "database/sql"

// Done checks rows for an error and leaves them open.
func Done(rows *sql.Rows) { _ = rows.Err() }
`

// cacheRun runs dbleaklint -v in dir with the result cache in cacheDir
// and returns its output without the -v lines, and the number of target
// packages whose results came from the cache.
func cacheRun(t *testing.T, dir, cacheDir string, args ...string) (out string, code, hits int) {
	out, code, hits, _ = cacheRunListed(t, dir, cacheDir, args...)
	return out, code, hits
}

// cacheRunListed is cacheRun, and also reports whether the package
// list came from the cache rather than from go list.
func cacheRunListed(t *testing.T, dir, cacheDir string, args ...string) (out string, code, hits int, listCached bool) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"-v"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "DBLEAKLINT_CACHE="+cacheDir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	hits = -1 // no "listed" line: the cache is off
	var lines []string
	listed := regexp.MustCompile(`^dbleaklint: [0-9.]+s: listed: \d+ target packages to analyze, (\d+) of them in the result cache`)
	for line := range strings.Lines(stderr.String()) {
		if m := listed.FindStringSubmatch(line); m != nil {
			hits = 0
			for _, c := range m[1] {
				hits = hits*10 + int(c-'0')
			}
		}
		if !regexp.MustCompile(`^dbleaklint: [0-9.]+s: `).MatchString(line) {
			lines = append(lines, line)
		}
	}
	listCached = strings.Contains(stderr.String(), "listed (from the cache: true)")
	return stdout.String() + strings.Join(lines, ""), cmd.ProcessState.ExitCode(), hits, listCached
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

// TestResultCache checks that a repeated run replays every package from
// the cache with the same output, that changing a callee's release
// behaviour in another package makes its caller's finding appear on
// the next run, with only the packages that import the callee analyzed
// again, and that -cache=off and DBLEAKLINT_CACHE=off analyze
// everything.
func TestResultCache(t *testing.T) {
	dir := t.TempDir()
	cacheDir := filepath.Join(t.TempDir(), "cache")
	writeFiles(t, dir, cacheModule)

	out, code, hits := cacheRun(t, dir, cacheDir, "./...")
	if code != 0 || hits != 0 || out != "" {
		t.Fatalf("first run: exit %d, %d hits, output %q; want 0, 0 and none", code, hits, out)
	}
	out, code, hits, listCached := cacheRunListed(t, dir, cacheDir, "./...")
	if code != 0 || hits != 3 || out != "" || !listCached {
		t.Fatalf("second run: exit %d, %d hits, output %q, package list from the cache: %t; want 0, 3, none and true", code, hits, out, listCached)
	}

	// The callee now borrows the rows: the caller leaks them.
	writeFiles(t, dir, map[string]string{"callee/callee.go": borrowingCallee})
	leak := regexp.MustCompile(`(?m)^\S*caller\.go:10:15: rows from db\.Query is not closed on the path that returns at caller\.go:15`)
	out, code, hits = cacheRun(t, dir, cacheDir, "./...")
	if code != 3 || !leak.MatchString(out) {
		t.Errorf("after the callee changed: exit %d, output:\n%s\nwant exit 3 and the caller's leak", code, out)
	}
	if hits != 1 {
		t.Errorf("after the callee changed: %d packages from the cache, want 1 (other; callee and caller analyzed again)", hits)
	}
	fresh := out

	// Replayed, the finding prints the same, in every format.
	for _, args := range [][]string{{}, {"-c=1"}, {"-json"}, {"-format=sarif"}, {"-format=github"}} {
		args := append(args, "./...")
		want, wantCode, hits := cacheRun(t, dir, cacheDir, append([]string{"-cache=off"}, args...)...)
		if hits != -1 {
			t.Errorf("%v -cache=off: the result cache was used", args)
		}
		got, gotCode, hits := cacheRun(t, dir, cacheDir, args...)
		if hits != 3 {
			t.Errorf("%v: %d packages from the cache, want 3", args, hits)
		}
		if got != want || gotCode != wantCode {
			t.Errorf("%v: replayed from the cache, exit %d and output\n%s\nwant exit %d and\n%s", args, gotCode, got, wantCode, want)
		}
	}
	if out, _, _ := cacheRun(t, dir, cacheDir, "./..."); out != fresh {
		t.Errorf("replayed output\n%s\nwant\n%s", out, fresh)
	}

	// A flag that changes the analysis is part of the key.
	if _, _, hits := cacheRun(t, dir, cacheDir, "-rowsclose.strict", "./..."); hits != 0 {
		t.Errorf("-rowsclose.strict: %d packages from the cache, want 0", hits)
	}
	// Off by the environment.
	if _, _, hits := cacheRun(t, dir, "off", "./..."); hits != -1 {
		t.Errorf("DBLEAKLINT_CACHE=off: the result cache was used")
	}
	// Back to a closing callee: the finding goes away.
	writeFiles(t, dir, cacheModule)
	if out, code, _ := cacheRun(t, dir, cacheDir, "./..."); code != 0 || out != "" {
		t.Errorf("with the closing callee again: exit %d, output:\n%s\nwant 0 and none", code, out)
	}

	// A package in a new directory is listed, though the listing of
	// the last run is cached.
	writeFiles(t, dir, map[string]string{"a/late/late.go": `package late

import "database/sql"

func Names(db *sql.DB) { db.Query("SELECT name FROM users") }
`})
	discarded := regexp.MustCompile(`(?m)^\S*late\.go:5:26: rows from db\.Query is not closed: the result is discarded`)
	if out, code, hits := cacheRun(t, dir, cacheDir, "./..."); code != 3 || hits != 3 || !discarded.MatchString(out) {
		t.Errorf("with a new package: exit %d, %d hits, output:\n%s\nwant 3, 3 and its finding", code, hits, out)
	}
	// So is a new file of a package.
	writeFiles(t, dir, map[string]string{"other/more.go": `package other

import "database/sql"

func Names(db *sql.DB) { db.Query("SELECT name FROM users") }
`})
	if out, code, hits := cacheRun(t, dir, cacheDir, "./..."); code != 3 || hits != 3 || !strings.Contains(out, "more.go:5:26: rows from db.Query") {
		t.Errorf("with a new file: exit %d, %d hits, output:\n%s\nwant 3, 3 (other analyzed again) and its finding", code, hits, out)
	}
}

// TestResultCacheErrors checks that a package that does not type-check
// is not cached: its error is printed on every run.
func TestResultCacheErrors(t *testing.T) {
	dir := t.TempDir()
	cacheDir := filepath.Join(t.TempDir(), "cache")
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/broken\n\ngo 1.25\n",
		"broken.go": `package broken

import "database/sql"

func Count(db *sql.DB) int { return "n" }
`,
	})
	for run := 1; run <= 2; run++ {
		out, code, hits := cacheRun(t, dir, cacheDir, "./...")
		if code != 1 || hits != 0 || !strings.Contains(out, `broken.go:5:37: cannot use "n"`) {
			t.Errorf("run %d: exit %d, %d hits, output:\n%s\nwant exit 1, no hit and the type error", run, code, hits, out)
		}
	}
}

// TestBadCacheFlag checks that -cache takes on or off only.
func TestBadCacheFlag(t *testing.T) {
	r := run(t, t.TempDir(), bin, "-cache=maybe", "./...")
	if r.code != 2 || !strings.Contains(r.stderr, `unknown -cache "maybe"; want on or off`) {
		t.Errorf("-cache=maybe: exit %d, stderr %q; want 2 and an error naming the flag", r.code, r.stderr)
	}
}
