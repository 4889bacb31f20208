// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package rowscan_test

import (
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/suggest/fixtest"
	"github.com/dbleaklint/dbleaklint/passes/rowscan"
)

func Test(t *testing.T) {
	t.Parallel()
	testutil.Run(t, testutil.TestData(), rowscan.Analyzer, "rowscan/...", "precision/rowscan/...")
}

// TestFix checks that no fix is offered: fix/rowscan has no golden file.
func TestFix(t *testing.T) {
	t.Parallel()
	fixtest.Run(t, rowscan.Analyzer, "rowscan")
}
