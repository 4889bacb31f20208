// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package docgen

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Write writes files, as Generate returns them, into dir, and removes
// the pages that an earlier run generated and this one did not: those
// of a check that was removed or renamed.
func Write(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	stale, err := orphans(dir, files)
	if err != nil {
		return err
	}
	for _, name := range stale {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Diff returns the names of the files of dir that differ from files:
// missing, different, or generated earlier for a check that is gone.
func Diff(dir string, files map[string][]byte) ([]string, error) {
	var diff []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if err != nil || !bytes.Equal(data, files[name]) {
			diff = append(diff, name)
		}
	}
	stale, err := orphans(dir, files)
	if err != nil {
		return nil, err
	}
	return append(diff, stale...), nil
}

// orphans returns the generated Markdown files of dir that files lacks.
// A file that a person wrote is left alone.
func orphans(dir string, files map[string][]byte) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if _, ok := files[name]; ok || e.IsDir() || !strings.HasSuffix(name, ".md") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		if bytes.HasPrefix(data, []byte(generatedPrefix)) {
			out = append(out, name)
		}
	}
	return out, nil
}
