// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// leakyTree returns a temporary copy of examples/userservice/leaky and
// of the packages of this module that it imports, under the same paths,
// with this module's go.mod and go.sum: a module of its own that tests
// may edit, fix and lint without touching the checkout. Its findings
// are those of leakyWant, with file names relative to the copy.
func leakyTree(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	// The module's own packages that leaky needs, found rather than
	// listed so that the copy follows the example.
	r := run(t, root, "go", "list", "-deps",
		"-f", "{{with .Module}}{{if .Main}}{{$.Dir}}{{end}}{{end}}",
		"./examples/userservice/leaky")
	if r.code != 0 {
		t.Fatalf("go list: exit status %d\n%s", r.code, r.stderr)
	}
	tree := t.TempDir()
	for _, name := range []string{"go.mod", "go.sum"} {
		copyFile(t, filepath.Join(root, name), filepath.Join(tree, name))
	}
	for dir := range strings.Lines(r.stdout) {
		dir = strings.TrimSpace(dir)
		if dir == "" {
			continue
		}
		rel, err := filepath.Rel(root, dir)
		if err != nil || !filepath.IsLocal(rel) {
			t.Fatalf("package directory %s is outside %s", dir, root)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Type().IsRegular() {
				copyFile(t, filepath.Join(dir, e.Name()), filepath.Join(tree, rel, e.Name()))
			}
		}
	}
	return tree
}

// copyFile copies the file src to dst, creating dst's directory.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dst, string(data))
}

// writeFile writes content to name, creating its directory.
func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// goFiles returns the content of every .go file under dir, by path
// relative to dir.
func goFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := make(map[string]string)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
