// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// countLines returns the number of lines of the non-test Go files of
// the packages that patterns name in the module at root, as the go
// command would see them for "./dir" and "./dir/...": directories named
// testdata or vendor, or starting with "." or "_", and nested modules
// are left out. Build constraints are not evaluated.
func countLines(root string, patterns []string) (int, error) {
	dirs := map[string]bool{} // directory -> whole subtree
	for _, p := range patterns {
		dir, tree := strings.CutSuffix(p, "/...")
		if dir == "..." {
			dir, tree = ".", true
		}
		dirs[filepath.Join(root, filepath.FromSlash(dir))] = dirs[filepath.Join(root, filepath.FromSlash(dir))] || tree
	}
	seen := map[string]bool{}
	total := 0
	for dir, tree := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path == dir {
					return nil
				}
				name := d.Name()
				if !tree || name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
					return filepath.SkipDir
				}
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || seen[path] {
				return nil
			}
			seen[path] = true
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			total += bytes.Count(data, []byte("\n"))
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	return total, nil
}
