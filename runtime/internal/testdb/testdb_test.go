// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package testdb

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// helperEnv makes the test binary, run again by TestDSNWithoutDatabase,
// run TestHelperNeedsDatabase for real.
const helperEnv = "DBLEAKLINT_TESTDB_HELPER"

// TestHelperNeedsDatabase stands for any test that needs the database:
// it does nothing unless run by TestDSNWithoutDatabase.
func TestHelperNeedsDatabase(t *testing.T) {
	if os.Getenv(helperEnv) == "" {
		t.Skip("run by TestDSNWithoutDatabase")
	}
	DSN(t)
}

// TestDSNWithoutDatabase: with no database configured, a test that needs
// one is skipped on a developer's machine, and fails when CI is set, so
// that CI cannot pass by skipping the runtime's tests (scripts/test.sh
// relies on it; .ci/run sets CI).
func TestDSNWithoutDatabase(t *testing.T) {
	for _, tc := range []struct {
		ci       string
		wantFail bool
		want     string
	}{
		{ci: "", wantFail: false, want: "--- SKIP: TestHelperNeedsDatabase"},
		{ci: "true", wantFail: true, want: "an error because CI is set"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperNeedsDatabase$", "-test.v", "-test.count=1")
		cmd.Env = append(os.Environ(), helperEnv+"=1", EnvDSN+"=", "CI="+tc.ci)
		out, err := cmd.CombinedOutput()
		if failed := err != nil; failed != tc.wantFail {
			t.Errorf("CI=%q: failed=%t (%v), want %t; output:\n%s", tc.ci, failed, err, tc.wantFail, out)
		}
		if !strings.Contains(string(out), tc.want) {
			t.Errorf("CI=%q: output lacks %q:\n%s", tc.ci, tc.want, out)
		}
	}
}
