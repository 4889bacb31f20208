// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/report/sariftest"
)

// The parts of a SARIF log that the tests look at.
type (
	sarifLog struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			OriginalURIBaseIDs map[string]struct {
				URI string `json:"uri"`
			} `json:"originalUriBaseIds"`
			Results []sarifResult `json:"results"`
		} `json:"runs"`
	}
	sarifResult struct {
		RuleID           string          `json:"ruleId"`
		RuleIndex        int             `json:"ruleIndex"`
		Message          sarifMessage    `json:"message"`
		Locations        []sarifLocation `json:"locations"`
		RelatedLocations []sarifLocation `json:"relatedLocations"`
	}
	sarifLocation struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			} `json:"artifactLocation"`
			Region struct {
				StartLine   int `json:"startLine"`
				StartColumn int `json:"startColumn"`
			} `json:"region"`
		} `json:"physicalLocation"`
		Message sarifMessage `json:"message"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
)

// TestSARIF checks -format=sarif on the example: a valid SARIF 2.1.0
// log on stdout, one rule per check, one result per finding at its
// place, with file URIs relative to the repository root; exit status 3.
func TestSARIF(t *testing.T) {
	tree := leakyTree(t)
	r := run(t, tree, bin, "-format=sarif", "./...")
	if r.code != 3 {
		t.Fatalf("exit status %d, want 3\nstderr:\n%s", r.code, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("unexpected stderr:\n%s", r.stderr)
	}
	if err := sariftest.Validate([]byte(r.stdout)); err != nil {
		t.Errorf("log is not valid SARIF 2.1.0: %#v\n%s", err, r.stdout)
	}

	var log sarifLog
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	sarifRun := log.Runs[0]
	var rules []string
	for _, rule := range sarifRun.Tool.Driver.Rules {
		rules = append(rules, rule.ID)
	}
	if want := suiteChecks(t); !slices.Equal(slices.Sorted(slices.Values(rules)), want) {
		t.Errorf("rules %v, want one per check: %v", rules, want)
	}
	// The repository root is the copy: without a .git directory above
	// it, the working directory.
	rootURI := (&url.URL{Scheme: "file", Path: filepath.ToSlash(tree) + "/"}).String()
	if got := sarifRun.OriginalURIBaseIDs["%SRCROOT%"].URI; got != rootURI {
		t.Errorf("%%SRCROOT%% is %q, want %q", got, rootURI)
	}

	var got []finding
	for _, res := range sarifRun.Results {
		if res.RuleIndex < 0 || res.RuleIndex >= len(rules) || rules[res.RuleIndex] != res.RuleID {
			t.Errorf("result of rule %s has rule index %d", res.RuleID, res.RuleIndex)
		}
		if len(res.Locations) != 1 {
			t.Errorf("result %q has %d locations, want 1", res.Message.Text, len(res.Locations))
			continue
		}
		f := finding{Posn: sarifPosn(t, res.Locations[0]), Message: res.Message.Text}
		for _, rel := range res.RelatedLocations {
			f.Related = append(f.Related, related{sarifPosn(t, rel), rel.Message.Text})
		}
		if i := slices.IndexFunc(leakyWant, func(w want) bool { return w.Posn == f.Posn }); i >= 0 && leakyWant[i].Check != res.RuleID {
			t.Errorf("%s: rule %s, want %s", f.Posn, res.RuleID, leakyWant[i].Check)
		}
		got = append(got, f)
	}
	checkFindings(t, got, leakyWant)
}

// sarifPosn returns the file:line:col of a location, checking that its
// file is relative to %SRCROOT%.
func sarifPosn(t *testing.T, loc sarifLocation) string {
	t.Helper()
	art := loc.PhysicalLocation.ArtifactLocation
	if art.URIBaseID != "%SRCROOT%" {
		t.Errorf("%s: uriBaseId %q, want %%SRCROOT%%", art.URI, art.URIBaseID)
	}
	if u, err := url.Parse(art.URI); err != nil || u.IsAbs() || strings.HasPrefix(art.URI, "/") || !filepath.IsLocal(filepath.FromSlash(art.URI)) {
		t.Errorf("uri %q is not relative to the repository root", art.URI)
	}
	reg := loc.PhysicalLocation.Region
	return fmt.Sprintf("%s:%d:%d", art.URI, reg.StartLine, reg.StartColumn)
}

// suiteChecks returns the names of the checks, sorted, as "dbleaklint
// help" lists them.
func suiteChecks(t *testing.T) []string {
	t.Helper()
	r := run(t, ".", bin, "help")
	if r.code != 0 {
		t.Fatalf("help: exit status %d\n%s", r.code, r.stderr)
	}
	_, list, ok := strings.Cut(r.stdout, "\nChecks:\n\n")
	if !ok {
		t.Fatalf("help has no list of checks:\n%s", r.stdout)
	}
	list, _, _ = strings.Cut(list, "\n\n")
	var names []string
	for line := range strings.Lines(list) {
		if fields := strings.Fields(line); len(fields) > 0 {
			names = append(names, fields[0])
		}
	}
	slices.Sort(names)
	return names
}

// githubLine matches a workflow command of -format=github.
var githubLine = regexp.MustCompile(`^::warning file=([^,]+),line=(\d+),col=(\d+),title=dbleaklint \((\w+)\)::(.*)$`)

// TestGitHub checks -format=github on the example: one warning command
// per finding on stdout, at its place relative to the repository root,
// titled with its check, whose message ends with the leaking exit;
// exit status 3.
func TestGitHub(t *testing.T) {
	tree := leakyTree(t)
	r := run(t, tree, bin, "-format=github", "./...")
	if r.code != 3 {
		t.Fatalf("exit status %d, want 3\nstderr:\n%s", r.code, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("unexpected stderr:\n%s", r.stderr)
	}
	checkGitHub(t, r.stdout, leakyWant)
}

// checkGitHub checks that out holds exactly one workflow command per
// finding of wants, and nothing else.
func checkGitHub(t *testing.T, out string, wants []want) {
	t.Helper()
	byPosn := make(map[string][]string) // file:line:col -> lines
	for line := range strings.Lines(out) {
		line = strings.TrimSuffix(line, "\n")
		m := githubLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("not a warning command: %q", line)
			continue
		}
		posn := m[1] + ":" + m[2] + ":" + m[3]
		byPosn[posn] = append(byPosn[posn], line)
	}
	for _, w := range wants {
		lines := byPosn[w.Posn]
		delete(byPosn, w.Posn)
		if len(lines) != 1 {
			t.Errorf("%s: %d warnings, want 1: %q", w.Posn, len(lines), lines)
			continue
		}
		m := githubLine.FindStringSubmatch(lines[0])
		check, msg := m[4], m[5]
		if check != w.Check {
			t.Errorf("%s: title names %s, want %s", w.Posn, check, w.Check)
		}
		if !strings.HasPrefix(msg, w.Prefix) {
			t.Errorf("%s: message %q, want prefix %q", w.Posn, msg, w.Prefix)
		}
		// The exit, without its column: "rows leaks here: file:line".
		exit := w.Related.Posn[:strings.LastIndex(w.Related.Posn, ":")]
		if suffix := "; " + w.Related.Message + ": " + exit; !strings.HasSuffix(msg, suffix) {
			t.Errorf("%s: message %q does not end with the exit %q", w.Posn, msg, suffix)
		}
	}
	for posn, lines := range byPosn {
		t.Errorf("unexpected warning at %s: %q", posn, lines)
	}
}
