// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files (slash-separated paths relative to a new
// temporary directory) and returns that directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		writeFile(t, filepath.Join(root, filepath.FromSlash(name)), content)
	}
	return root
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// at returns the position of the first occurrence of needle in file, in
// go/token's terms: 1-based line and byte column.
func at(t *testing.T, file, needle string) Position {
	t.Helper()
	for i, line := range strings.Split(readFile(t, file), "\n") {
		if col := strings.Index(line, needle); col >= 0 {
			return Position{File: file, Line: i + 1, Column: col + 1}
		}
	}
	t.Fatalf("%s: no %q", file, needle)
	return Position{}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
