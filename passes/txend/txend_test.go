// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package txend_test

import (
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/suggest/fixtest"
	"github.com/dbleaklint/dbleaklint/passes/txend"
)

func Test(t *testing.T) {
	t.Parallel()
	testutil.Run(t, testutil.TestData(), txend.Analyzer, "txend/...", "precision/txend/...")
}

// TestStrict runs the strict mode, in which callees the analysis cannot
// see into are assumed to borrow the resource.
func TestStrict(t *testing.T) {
	t.Parallel()
	a := testutil.Configured(t, txend.For, config.Settings{}, "strict", "true")
	testutil.Run(t, testutil.TestData(), a, "strict/txend")
}

// TestDebug runs the debug mode, in which the check says why it stopped
// following each acquisition whose ownership became unclear.
func TestDebug(t *testing.T) {
	t.Parallel()
	a := testutil.Configured(t, txend.For, config.Settings{}, "debug", "true")
	testutil.Run(t, testutil.TestData(), a, "debug/txend")
}

// TestFix applies the suggested fixes: they must match the golden
// files, compile, and end the leaks they fix.
func TestFix(t *testing.T) {
	t.Parallel()
	fixtest.Run(t, txend.Analyzer, "txend")
}
