// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package e2e

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A finding is written "check file:line", the file relative to the tree,
// and a list of findings is sorted.

// plain runs the plain command with -json on the example and returns
// its findings, each once.
func (tr *tree) plain(t *testing.T, dbleaklint string) []string {
	cmd := exec.Command(dbleaklint, "-json", "./"+example+"/...")
	cmd.Dir = tr.dir
	cmd.Env = append(os.Environ(), goEnv...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	// 3 is the exit status of a run with findings.
	if exit := (*exec.ExitError)(nil); err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 3) {
		t.Fatalf("%s: %v\n%s", cmd, err, stderr.String())
	}
	// go/analysis's JSON: package path -> analyzer -> a list of
	// diagnostics, or an error.
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		t.Fatalf("%s: %v\n%s", cmd, err, out)
	}
	var findings []string
	for pkg, checks := range tree {
		for check, raw := range checks {
			var diags []struct {
				Posn string `json:"posn"`
			}
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("%s: %s: %s", pkg, check, raw)
			}
			for _, d := range diags {
				// file:line:column
				posn := tr.rel(d.Posn)
				if i := strings.LastIndexByte(posn, ':'); i >= 0 {
					posn = posn[:i]
				}
				findings = append(findings, check+" "+posn)
			}
		}
	}
	slices.Sort(findings)
	return slices.Compact(findings)
}

// A result is what a golangci-lint run did.
type result struct {
	status   int      // golangci-lint's exit status
	output   string   // its text output
	findings []string // from its JSON output
}

// config is a .golangci.yml with only dbleaklint enabled, its settings
// (JSON, a YAML flow mapping) in place of the %s.
const config = `version: "2"
linters:
  default: none
  enable: [dbleaklint]
  settings:
    custom:
      dbleaklint:
        type: module
        description: database resources released on every path
        settings: %s
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`

// golangci runs the custom golangci-lint on the example with settings
// as dbleaklint's settings.
func (tr *tree) golangci(t *testing.T, gcl string, settings map[string]any) result {
	js, err := json.Marshal(settings)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tr.dir, ".golangci.yml"), fmt.Appendf(nil, config, js), 0o666); err != nil {
		t.Fatal(err)
	}
	jsonOut := filepath.Join(t.TempDir(), "out.json")
	cmd := exec.Command(gcl, "run", "--output.json.path="+jsonOut, "--output.text.path=stdout",
		"--output.text.colors=false", "--output.text.print-issued-lines=false", "--show-stats=false",
		// Other checkouts' tests may run golangci-lint at the same
		// time, each with a cache of its own.
		"--allow-parallel-runners",
		"./"+example+"/...")
	cmd.Dir = tr.dir
	cmd.Env = append(os.Environ(), append(goEnv, "GOLANGCI_LINT_CACHE="+tr.cache)...)
	out, err := cmd.CombinedOutput()
	r := result{output: string(out)}
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		r.status = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", cmd, err)
	}

	data, err := os.ReadFile(jsonOut)
	if errors.Is(err, os.ErrNotExist) || len(data) == 0 {
		return r // it failed before linting
	} else if err != nil {
		t.Fatal(err)
	}
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
			}
		}
	}
	if err := json.Unmarshal(data, &report); err != nil {
		t.Fatalf("golangci-lint's JSON output: %v\n%s", err, data)
	}
	for _, is := range report.Issues {
		if is.FromLinter != "dbleaklint" {
			t.Errorf("an issue of %s, the only linter enabled is dbleaklint: %s", is.FromLinter, is.Text)
		}
		// The plugin prefixes the message with the check: "txend: ...".
		check, _, _ := strings.Cut(is.Text, ":")
		r.findings = append(r.findings, fmt.Sprintf("%s %s:%d", check, tr.rel(is.Pos.Filename), is.Pos.Line))
	}
	slices.Sort(r.findings)
	return r
}

// expect checks that a run found exactly the findings want, each once,
// and exited accordingly.
func (tr *tree) expect(t *testing.T, r result, want []string) {
	t.Helper()
	wantStatus := 0
	if len(want) > 0 {
		wantStatus = 1 // issues found
	}
	if !slices.Equal(r.findings, want) || r.status != wantStatus {
		t.Fatalf("golangci-lint exited with status %d (want %d) and found\n\t%s\nwant\n\t%s\noutput:\n%s",
			r.status, wantStatus, strings.Join(r.findings, "\n\t"), strings.Join(want, "\n\t"), r.output)
	}
	t.Logf("found\n\t%s", strings.Join(r.findings, "\n\t"))
}
