// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package e2e checks the golangci-lint module plugin end to end: a
// custom golangci-lint with the plugin compiled in, built as `make
// custom-gcl` builds it for users (scripts/custom-gcl.sh, which caches
// the binary in bin/), lints a copy of examples/userservice, and
//   - it reports what the plain command reports (at least five leaks,
//     in leaky/ only), each once;
//   - settings change the result: disabling a check, declaring a
//     resource of the user's;
//   - an unknown settings key fails with a message naming it;
//   - //nolint:dbleaklint silences a finding.
//
// The test builds golangci-lint (minutes the first time) and runs it
// five times, so it runs only when DBLEAKLINT_E2E=1 (make golangci-e2e,
// make test): a plain go test skips it.
package e2e

import (
	"os"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/dbleaklint/dbleaklint"

// TestGolangciLint is the end-to-end test. Its cases run in order on
// one tree and one golangci-lint cache; the last one edits the tree.
func TestGolangciLint(t *testing.T) {
	if os.Getenv("DBLEAKLINT_E2E") != "1" {
		t.Skip("builds and runs a custom golangci-lint: set DBLEAKLINT_E2E=1 (make golangci-e2e)")
	}
	tools := buildTools(t)
	tr := newTree(t, tools.root)

	want := tr.plain(t, tools.dbleaklint)
	t.Logf("dbleaklint -json ./examples/userservice/...:\n\t%s", strings.Join(want, "\n\t"))
	if n := countIn(want, leaky); n < 5 {
		t.Fatalf("the plain command finds %d leaks in leaky/, want at least 5", n)
	}
	if n := len(want) - countIn(want, leaky); n > 0 {
		t.Fatalf("the plain command reports %d findings outside leaky/", n)
	}

	t.Run("no settings", func(t *testing.T) {
		tr.expect(t, tr.golangci(t, tools.gcl, map[string]any{}), want)
	})

	t.Run("disable", func(t *testing.T) {
		// The first check with findings, which disable then turns off.
		check, _, _ := strings.Cut(want[0], " ")
		t.Logf("disable: [%s]", check)
		rest := slices.DeleteFunc(slices.Clone(want), func(f string) bool { return strings.HasPrefix(f, check+" ") })
		tr.expect(t, tr.golangci(t, tools.gcl, map[string]any{"disable": []string{check}}), rest)
	})

	t.Run("user resource", func(t *testing.T) {
		settings := map[string]any{"resources": []any{map[string]any{
			"type":    "*" + module + "/examples/userservice/handle.Handle",
			"check":   "connrelease",
			"noun":    "handle",
			"acquire": []string{module + "/examples/userservice/handle.Open"},
			"release": []string{"Close"},
		}}}
		more := append(slices.Clone(want), "connrelease "+tr.handleLeak)
		slices.Sort(more)
		tr.expect(t, tr.golangci(t, tools.gcl, settings), more)
	})

	t.Run("unknown key", func(t *testing.T) {
		r := tr.golangci(t, tools.gcl, map[string]any{"strikt": true})
		if r.status == 0 || r.status == 1 || !strings.Contains(r.output, `unknown key "strikt"`) {
			t.Fatalf("exit status %d, want a configuration error naming the key; output:\n%s", r.status, r.output)
		}
		t.Logf("exit status %d:\n%s", r.status, r.output)
	})

	t.Run("nolint", func(t *testing.T) {
		// The first finding of leaky/, silenced by a comment at the
		// end of its line.
		i := slices.IndexFunc(want, func(f string) bool { return strings.Contains(f, " "+leaky) })
		_, posn, _ := strings.Cut(want[i], " ")
		t.Logf("//nolint:dbleaklint at %s", posn)
		tr.appendToLine(t, posn, " //nolint:dbleaklint // e2e")
		tr.expect(t, tr.golangci(t, tools.gcl, map[string]any{}), slices.Delete(slices.Clone(want), i, i+1))
	})
}

// leaky is the directory of the example's leaks, relative to the tree.
const leaky = "examples/userservice/leaky/"

// countIn counts the findings in dir.
func countIn(findings []string, dir string) int {
	n := 0
	for _, f := range findings {
		if strings.Contains(f, " "+dir) {
			n++
		}
	}
	return n
}
