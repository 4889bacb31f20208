// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package deferloop_test

import (
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/deferloop"
	"github.com/dbleaklint/dbleaklint/passes/internal/suggest/fixtest"
)

func Test(t *testing.T) {
	t.Parallel()
	testutil.Run(t, testutil.TestData(), deferloop.Analyzer, "deferloop/...", "precision/deferloop/...")
}

// TestFix checks that no fix is offered: fix/deferloop has no golden file.
func TestFix(t *testing.T) {
	t.Parallel()
	fixtest.Run(t, deferloop.Analyzer, "deferloop")
}
