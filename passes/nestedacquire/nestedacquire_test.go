// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package nestedacquire_test

import (
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/nestedacquire"
)

func Test(t *testing.T) {
	t.Parallel()
	testutil.Run(t, testutil.TestData(), nestedacquire.Analyzer, "nestedacquire/...", "precision/nestedacquire/...")
}

// TestDebug: the debug mode also reports the calls on a pool that
// cannot be shown to be the held connection's.
func TestDebug(t *testing.T) {
	t.Parallel()
	a := testutil.Configured(t, nestedacquire.For, config.Settings{}, "debug", "true")
	testutil.Run(t, testutil.TestData(), a, "debug/nestedacquire")
}
