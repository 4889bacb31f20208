// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package stmtclose_test

import (
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/suggest/fixtest"
	"github.com/dbleaklint/dbleaklint/passes/stmtclose"
)

func Test(t *testing.T) {
	t.Parallel()
	testutil.Run(t, testutil.TestData(), stmtclose.Analyzer, "stmtclose/...", "precision/stmtclose/...")
}

// TestFix applies the suggested fixes: they must match the golden
// files, compile, and end the leaks they fix.
func TestFix(t *testing.T) {
	t.Parallel()
	fixtest.Run(t, stmtclose.Analyzer, "stmtclose")
}
