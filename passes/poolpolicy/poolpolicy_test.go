// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package poolpolicy_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/poolpolicy"
)

// enforced returns the analyzer in a configuration of its own with
// -poolpolicy.enforce set, and -poolpolicy.allow to allow.
func enforced(t *testing.T, allow string) *analysis.Analyzer {
	return testutil.Configured(t, poolpolicy.For, config.Settings{}, "enforce", "true", "allow", allow)
}

// Without -poolpolicy.enforce, nothing is reported.
func TestOff(t *testing.T) {
	t.Parallel()
	testutil.Run(t, testutil.TestData(), poolpolicy.Analyzer, "poolpolicy/enforceoff")
}

func TestEnforce(t *testing.T) {
	t.Parallel()
	testutil.Run(t, testutil.TestData(), enforced(t, "example.com/other, poolpolicy/allowed/..."),
		"poolpolicy/raw", "poolpolicy/allowed/...",
		// The runtime package implements the helpers with the raw pool.
		"github.com/dbleaklint/dbleaklint/runtime")
}

// TestRealRuntime runs the analyzer, enforced, in module mode over the
// real runtime package, tests included: it is allowed the raw pool.
func TestRealRuntime(t *testing.T) {
	t.Parallel()
	a := enforced(t, "")
	root := filepath.Dir(testutil.TestData())
	testutil.DownloadModules(t, root)
	testutil.RunPart(t, root, a, "github.com/dbleaklint/dbleaklint/runtime/...")
}
