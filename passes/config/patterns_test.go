// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package config

import "testing"

func TestPatternsSet(t *testing.T) {
	t.Parallel()
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
