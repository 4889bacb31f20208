// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report

import (
	"path/filepath"
	"testing"
)

func TestPathsRel(t *testing.T) {
	root := t.TempDir()
	p, err := newPaths(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file   string
		want   string
		inside bool
	}{
		{filepath.Join(root, "store", "users.go"), "store/users.go", true},
		{filepath.Join(root, "a.go"), "a.go", true},
		// A sibling whose name starts with the root's is outside.
		{root + "2" + string(filepath.Separator) + "a.go", filepath.ToSlash(root + "2/a.go"), false},
		{filepath.Join(filepath.Dir(root), "a.go"), filepath.ToSlash(filepath.Join(filepath.Dir(root), "a.go")), false},
		{"", "", false},
	} {
		got, inside := p.rel(tc.file)
		if got != tc.want || inside != tc.inside {
			t.Errorf("rel(%q) = %q, %v; want %q, %v", tc.file, got, inside, tc.want, tc.inside)
		}
	}
}

func TestURIs(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{fileURI("/tmp/x y/é.go"), "file:///tmp/x%20y/%C3%A9.go"},
		{fileURI(filepath.FromSlash("C:/src/a.go")), "file:///C:/src/a.go"},
		{relURI("store/users.go"), "store/users.go"},
		{relURI("a b/100%.go"), "a%20b/100%25.go"},
	} {
		if tc.got != tc.want {
			t.Errorf("got URI %q, want %q", tc.got, tc.want)
		}
	}
}
