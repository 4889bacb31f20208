// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A tree is a copy of the module's go.mod and of the example, so that a
// case can add a package or a //nolint comment without touching the
// checkout.
type tree struct {
	dir string
	// cache is golangci-lint's cache, shared by the runs on the tree.
	cache string
	// handleLeak is the position, "file:line" relative to dir, of the
	// leak of testdata/handle that only a configured resource finds.
	handleLeak string
}

const example = "examples/userservice"

func newTree(t *testing.T, root string) *tree {
	tr := &tree{dir: t.TempDir(), cache: t.TempDir()}
	for _, f := range []string{"go.mod", "go.sum"} {
		copyFile(t, filepath.Join(root, f), filepath.Join(tr.dir, f))
	}
	if err := os.CopyFS(filepath.Join(tr.dir, example), os.DirFS(filepath.Join(root, example))); err != nil {
		t.Fatal(err)
	}
	// The packages of this module outside the example that it imports.
	deps := run(t, root, goEnv, "go", "list", "-deps",
		"-f", `{{if and .Module (eq .Module.Path "`+module+`")}}{{.Dir}}{{end}}`, "./"+example+"/...")
	for _, dir := range strings.Fields(deps) {
		rel, err := filepath.Rel(root, dir)
		if err != nil {
			t.Fatal(err)
		}
		if rel == example || strings.HasPrefix(rel, example+string(filepath.Separator)) {
			continue
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Type().IsRegular() {
				copyFile(t, filepath.Join(dir, e.Name()), filepath.Join(tr.dir, rel, e.Name()))
			}
		}
	}

	// A package with a resource of the user's.
	const handle = example + "/handle/handle.go"
	copyFile(t, filepath.Join("testdata", "handle", "handle.go"), filepath.Join(tr.dir, handle))
	line := tr.lineOf(t, handle, "// e2e: leaks when configured")
	tr.handleLeak = fmt.Sprintf("%s:%d", handle, line)
	return tr
}

// lineOf returns the number of the first line of file that contains s.
func (tr *tree) lineOf(t *testing.T, file, s string) int {
	data, err := os.ReadFile(filepath.Join(tr.dir, file))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range bytes.Split(data, []byte("\n")) {
		if bytes.Contains(line, []byte(s)) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line with %q", file, s)
	return 0
}

// appendToLine appends s to the line at posn, "file:line".
func (tr *tree) appendToLine(t *testing.T, posn, s string) {
	file, n, _ := strings.Cut(posn, ":")
	line, err := strconv.Atoi(n)
	if err != nil {
		t.Fatalf("%q is not file:line", posn)
	}
	path := filepath.Join(tr.dir, file)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		t.Fatalf("%s has no line %d", file, line)
	}
	lines[line-1] += s
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o666); err != nil {
		t.Fatal(err)
	}
}

// rel returns the slash-separated path of a file of the tree relative to
// it; path may be relative already.
func (tr *tree) rel(path string) string {
	if filepath.IsAbs(path) {
		if r, err := filepath.Rel(tr.dir, path); err == nil {
			path = r
		}
	}
	return filepath.ToSlash(path)
}

func copyFile(t *testing.T, from, to string) {
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o666); err != nil {
		t.Fatal(err)
	}
}
