// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package testutil

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// WantReach reads dir/reach.txt, which says for each package of a
// testdata module (by package ID, a test variant included) whether it
// can hold a resource: lines "ID yes" or "ID no", and # comments. The
// tests of every component that decides it (ssabuild, the standalone
// loader, the benchmark) check their answers against the same table.
func WantReach(t testing.TB, dir string) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "reach.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := make(map[string]bool)
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndex(line, " ")
		id, answer := line[:max(i, 0)], line[i+1:]
		if i < 0 || answer != "yes" && answer != "no" {
			t.Fatalf("reach.txt: %q is not \"ID yes\" or \"ID no\"", line)
		}
		want[id] = answer == "yes"
	}
	return want
}
