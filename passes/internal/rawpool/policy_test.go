// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package rawpool

import "testing"

func TestAllowed(t *testing.T) {
	t.Parallel()
	allow := []string{"example.com/db/...", "example.com/app"}
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
