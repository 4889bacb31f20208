// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package rowsclose_test

import (
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/suggest/fixtest"
	"github.com/dbleaklint/dbleaklint/passes/rowsclose"
)

func Test(t *testing.T) {
	t.Parallel()
	testutil.Run(t, testutil.TestData(), rowsclose.Analyzer, "rowsclose/...", "precision/rowsclose/...")
}

// TestStrict runs the strict mode, in which callees the analysis cannot
// see into are assumed to borrow the resource.
func TestStrict(t *testing.T) {
	t.Parallel()
	a := testutil.Configured(t, rowsclose.For, config.Settings{}, "strict", "true")
	testutil.Run(t, testutil.TestData(), a, "strict/rowsclose")
}

// TestFix applies the suggested fixes: they must match the golden
// files, compile, and end the leaks they fix.
func TestFix(t *testing.T) {
	t.Parallel()
	fixtest.Run(t, rowsclose.Analyzer, "rowsclose")
}
