// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package batchclose_test

import (
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/batchclose"
	"github.com/dbleaklint/dbleaklint/passes/internal/suggest/fixtest"
)

func Test(t *testing.T) {
	t.Parallel()
	testutil.Run(t, testutil.TestData(), batchclose.Analyzer, "batchclose/...")
}

// TestFix applies the suggested fixes: they must match the golden
// files, compile, and end the leaks they fix.
func TestFix(t *testing.T) {
	t.Parallel()
	fixtest.Run(t, batchclose.Analyzer, "batchclose")
}
