// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package nogo_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/nogo"
	"github.com/dbleaklint/dbleaklint/internal/testutil"
)

// The "Bazel (nogo)" section of docs/guide.md gives the MODULE.bazel,
// the BUILD.bazel and the nogo_config.json a Bazel user writes. Its nogo
// rule must list the suite's checks, its rules_go must be the one that
// TestNogo builds, and TestNogo builds the driver with its config.

// guideSection is the heading of that section.
const guideSection = "## Bazel (nogo)"

// bazelBlocks returns the code blocks of the guide's Bazel section by
// language: starlark, json.
func bazelBlocks(t *testing.T) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(filepath.Dir(testutil.TestData()), "docs", "guide.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n"+guideSection+"\n")
	if !ok {
		t.Fatalf("docs/guide.md has no %q section", guideSection)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	blocks := make(map[string][]string)
	for _, m := range regexp.MustCompile("(?s)```(\\w+)\n(.*?)```").FindAllStringSubmatch(section, -1) {
		blocks[m[1]] = append(blocks[m[1]], m[2])
	}
	return blocks
}

// nogoConfig returns the guide's nogo_config.json.
func nogoConfig(t *testing.T) string {
	t.Helper()
	blocks := bazelBlocks(t)["json"]
	if len(blocks) != 1 {
		t.Fatalf("the guide's Bazel section has %d json blocks, want one: the nogo_config.json", len(blocks))
	}
	if !json.Valid([]byte(blocks[0])) {
		t.Fatalf("the guide's nogo_config.json is not valid JSON:\n%s", blocks[0])
	}
	return blocks[0]
}

func TestGuideBazel(t *testing.T) {
	starlark := strings.Join(bazelBlocks(t)["starlark"], "\n")

	want := `bazel_dep(name = "rules_go", version = "` + strings.TrimPrefix(nogo.RulesGoVersion, "v") + `")`
	if !strings.Contains(starlark, want) {
		t.Errorf("the guide's MODULE.bazel does not say %s, the rules_go that TestNogo builds", want)
	}

	paths, err := nogo.AnalyzerPackages(t.Context(), filepath.Dir(testutil.TestData()))
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, p := range paths {
		labels = append(labels, label(t, p))
	}
	deps := regexp.MustCompile(`(?s)\nnogo\(.*?deps = \[(.*?)\]`).FindStringSubmatch(starlark)
	if deps == nil {
		t.Fatal("the guide's BUILD.bazel has no nogo rule with deps")
	}
	var got []string
	for _, m := range regexp.MustCompile(`"(@[^"]+)"`).FindAllStringSubmatch(deps[1], -1) {
		got = append(got, m[1])
	}
	if !slices.Equal(got, labels) {
		t.Errorf("the guide's nogo rule lists\n\t%s\nwant the packages of analyzer.Suite, in its order:\n\t%s",
			strings.Join(got, "\n\t"), strings.Join(labels, "\n\t"))
	}
	nogoConfig(t)
}

// modules are the modules whose analyzers the suite runs.
var modules = []string{"github.com/dbleaklint/dbleaklint", "golang.org/x/tools"}

// label returns the Bazel label under which Gazelle's go_deps makes the
// package path available: @repo//dir, where repo is the module path in
// Gazelle's naming (reversed domain, underscores).
func label(t *testing.T, path string) string {
	t.Helper()
	for _, m := range modules {
		if dir, ok := strings.CutPrefix(path, m+"/"); ok {
			host, rest, _ := strings.Cut(m, "/")
			labels := strings.Split(host, ".")
			slices.Reverse(labels)
			repo := strings.NewReplacer("/", "_", ".", "_", "-", "_").Replace(strings.Join(labels, "_") + "_" + rest)
			return "@" + repo + "//" + dir
		}
	}
	t.Fatalf("analyzer package %s is in none of the modules %v: add its module", path, modules)
	return ""
}
