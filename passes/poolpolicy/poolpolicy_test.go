// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package poolpolicy_test

import (
	"path/filepath"
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/poolpolicy"
)

// setFlags sets the analyzer's flags for one test and restores their
// defaults when it ends.
func setFlags(t *testing.T, kv ...string) {
	t.Helper()
	t.Cleanup(func() {
		for _, name := range []string{"enforce", "allow"} {
			f := poolpolicy.Analyzer.Flags.Lookup(name)
			if err := f.Value.Set(f.DefValue); err != nil {
				t.Errorf("reset -%s: %v", name, err)
			}
		}
	})
	for i := 0; i+1 < len(kv); i += 2 {
		if err := poolpolicy.Analyzer.Flags.Set(kv[i], kv[i+1]); err != nil {
			t.Fatalf("-%s=%s: %v", kv[i], kv[i+1], err)
		}
	}
}

// Without -poolpolicy.enforce, nothing is reported.
func TestOff(t *testing.T) {
	testutil.Run(t, testutil.TestData(), poolpolicy.Analyzer, "poolpolicy/enforceoff")
}

func TestEnforce(t *testing.T) {
	setFlags(t, "enforce", "true", "allow", "example.com/other, poolpolicy/allowed/...")
	testutil.Run(t, testutil.TestData(), poolpolicy.Analyzer,
		"poolpolicy/raw", "poolpolicy/allowed/...",
		// The runtime package implements the helpers with the raw pool.
		"github.com/dbleaklint/dbleaklint/runtime")
}

// TestRealRuntime runs the analyzer, enforced, in module mode over the
// real runtime package, tests included: it is allowed the raw pool.
func TestRealRuntime(t *testing.T) {
	setFlags(t, "enforce", "true")
	root := filepath.Dir(testutil.TestData())
	testutil.DownloadModules(t, root)
	testutil.RunPart(t, root, poolpolicy.Analyzer, "github.com/dbleaklint/dbleaklint/runtime/...")
}
