// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main_test

import (
	"encoding/json"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestHelpFlag checks that -h, -help and --help print the usage, the
// exit statuses and the flags on stdout, with exit status 0, as
// "dbleaklint help" does.
func TestHelpFlag(t *testing.T) {
	want := run(t, ".", bin, "help")
	if want.code != 0 {
		t.Fatalf("help: exit status %d\nstderr:\n%s", want.code, want.stderr)
	}
	for _, s := range []string{"Usage:", "Exit status:", "-version", "-fix", "-diff", "-format format", "rowsclose"} {
		if !strings.Contains(want.stdout, s) {
			t.Errorf("help lacks %q\nstdout:\n%s", s, want.stdout)
		}
	}
	for _, flag := range []string{"-h", "-help", "--help"} {
		r := run(t, ".", bin, flag)
		if r.code != 0 || r.stdout != want.stdout || r.stderr != "" {
			t.Errorf("%s: exit status %d, stderr %q, stdout the same as help's: %t; want 0, nothing, true",
				flag, r.code, r.stderr, r.stdout == want.stdout)
		}
	}
}

// TestBadFlag checks that an unknown flag is one line and a pointer to
// the usage, with exit status 2.
func TestBadFlag(t *testing.T) {
	r := run(t, ".", bin, "-bogus", "./...")
	if r.code != 2 || r.stdout != "" || r.stderr != "flag provided but not defined: -bogus\nRun 'dbleaklint -help' for usage.\n" {
		t.Errorf("-bogus: exit status %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// builtWith returns the module version and the Go version that the go
// command recorded in the binary, as go version -m prints them.
func builtWith(t *testing.T) (modVersion, goVersion string) {
	t.Helper()
	r := run(t, ".", "go", "version", "-m", bin)
	if r.code != 0 {
		t.Fatalf("go version -m: exit status %d\n%s", r.code, r.stderr)
	}
	m := regexp.MustCompile(`(?m)^\tmod\tgithub\.com/dbleaklint/dbleaklint\t(\S+)`).FindStringSubmatch(r.stdout)
	g := regexp.MustCompile(`^\S+: (go\S+)`).FindStringSubmatch(r.stdout)
	if m == nil || g == nil {
		t.Fatalf("go version -m: no module or Go version in\n%s", r.stdout)
	}
	return m[1], g[1]
}

// TestVersion checks that -version prints the module version and the Go
// version that the binary records, and that SARIF's tool.driver.version
// is that module version.
func TestVersion(t *testing.T) {
	mod, goVersion := builtWith(t)
	r := run(t, ".", bin, "-version")
	want := "dbleaklint version " + mod + " " + goVersion + " " + runtime.GOOS + "/" + runtime.GOARCH + "\n"
	if r.code != 0 || r.stdout != want || r.stderr != "" {
		t.Errorf("-version: exit status %d, stdout %q, stderr %q; want 0, %q, nothing", r.code, r.stdout, r.stderr, want)
	}

	// The go command's question, under go vet: the version must stay
	// "devel" with a buildID last, which it keys its cache on.
	r = run(t, ".", bin, "-V=full")
	if r.code != 0 || !regexp.MustCompile(`^dbleaklint version devel (\S+ )?buildID=[0-9a-f]+\n$`).MatchString(r.stdout) {
		t.Errorf("-V=full: exit status %d, stdout %q", r.code, r.stdout)
	}

	tree := exitTree(t)
	r = run(t, tree, bin, "-format=sarif", "./leaky")
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version string `json:"version"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("-format=sarif: %v, %d runs\nstdout:\n%s\nstderr:\n%s", err, len(log.Runs), r.stdout, r.stderr)
	}
	if got := log.Runs[0].Tool.Driver.Version; got != mod {
		t.Errorf("SARIF tool.driver.version = %q, want %q", got, mod)
	}
}
