// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package rawpool

import "testing"

func TestPatternsSet(t *testing.T) {
	var p Patterns
	if err := p.Set(" example.com/db/... ,, example.com/app "); err != nil {
		t.Fatal(err)
	}
	if got, want := p.String(), "example.com/db/...,example.com/app"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	for _, bad := range []string{"...", "/...", "example.com/.../db", "example.com/db...", "a b"} {
		if err := p.Set(bad); err == nil {
			t.Errorf("Set(%q) = nil, want an error", bad)
		}
	}
	if err := p.Set(""); err != nil || len(p) != 0 {
		t.Errorf(`Set("") = %v, leaving %q; want no error and no pattern`, err, p.String())
	}
}

func TestAllowed(t *testing.T) {
	allow := Patterns{"example.com/db/...", "example.com/app"}
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"github.com/dbleaklint/dbleaklint/runtime", true},
		{"github.com/dbleaklint/dbleaklint/runtime_test", true},
		{"github.com/dbleaklint/dbleaklint/runtime/pooltest", true},
		{"github.com/dbleaklint/dbleaklint/runtimex", false},
		{"example.com/db", true},
		{"example.com/db/pg", true},
		{"example.com/db_test", true},
		{"example.com/dbx", false},
		{"example.com/app", true},
		{"example.com/app/sub", false},
		{"example.com/other", false},
	} {
		if got := allowed(tc.path, allow); got != tc.want {
			t.Errorf("allowed(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
	if allowed("example.com/app", nil) {
		t.Error("allowed with no Patterns: only the runtime package may be")
	}
}
