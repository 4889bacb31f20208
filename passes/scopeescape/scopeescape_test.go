// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package scopeescape_test

import (
	"path/filepath"
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/scopeescape"
)

// The escapes are reported with no flag; the raw uses of the pool, which
// are poolpolicy's, are not.
func Test(t *testing.T) {
	testutil.Run(t, testutil.TestData(), scopeescape.Analyzer,
		"scopeescape/escape", "scopeescape/escapeclean", "poolpolicy/enforceoff", "poolpolicy/allowed/...")
}

// With -scopeescape.debug, the helper calls whose callback is not
// checked are named; without it, they are silent (Test runs the same
// kinds of calls in scopeescape/escapeclean).
func TestDebug(t *testing.T) {
	f := scopeescape.Analyzer.Flags.Lookup("debug")
	if err := f.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(f.DefValue) })
	testutil.Run(t, testutil.TestData(), scopeescape.Analyzer, "scopeescape/debug")
}

// TestRealRuntime runs the analyzer in module mode over the real runtime
// package, tests included: its own callbacks must not let their
// connections escape.
func TestRealRuntime(t *testing.T) {
	root := filepath.Dir(testutil.TestData())
	testutil.DownloadModules(t, root)
	testutil.RunPart(t, root, scopeescape.Analyzer, "github.com/dbleaklint/dbleaklint/runtime/...")
}
