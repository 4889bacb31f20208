// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package docgen

import (
	"strings"
	"testing"
)

// TestSince: a "# Since" section names a release, or says that there is
// none yet.
func TestSince(t *testing.T) {
	releases := []string{"v0.1.0", "v0.2.0"}
	for _, tc := range []struct{ text, want, err string }{
		{"dbleaklint v0.2.0.", "v0.2.0", ""},
		{"Unreleased.", "unreleased", ""},
		{"Unreleased: the next release will have it.", "unreleased", ""},
		{"dbleaklint v0.3.0.", "", "names v0.3.0, which is not a release"},
		{"The beginning.", "", "names no version"},
	} {
		got, err := since(tc.text, releases)
		if got != tc.want || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("Since(%q) = %q, %v; want %q, an error containing %q", tc.text, got, err, tc.want, tc.err)
		}
	}
}
