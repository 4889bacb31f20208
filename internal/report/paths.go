// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report

import (
	"net/url"
	"path/filepath"
	"strings"
)

// paths makes files relative to the root of the repository.
type paths struct {
	root string // absolute and clean
}

// newPaths returns the paths relative to root; an empty root stands for
// the current directory.
func newPaths(root string) (paths, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return paths{}, err
	}
	return paths{root: abs}, nil
}

// rel returns file relative to the root with forward slashes and true,
// or, for a file outside the root, the absolute file with forward
// slashes and false.
// An empty file (no position) stays empty.
func (p paths) rel(file string) (string, bool) {
	if file == "" {
		return "", false
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return filepath.ToSlash(file), false
	}
	rel, err := filepath.Rel(p.root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return filepath.ToSlash(abs), false
	}
	return filepath.ToSlash(rel), true
}

// fileURI returns the file: URI of an absolute path, with forward
// slashes and a leading slash before a Windows drive letter.
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// relURI returns the relative URI reference of a slash-separated path,
// percent-encoded where a URI requires it.
func relURI(rel string) string {
	return (&url.URL{Path: rel}).String()
}
