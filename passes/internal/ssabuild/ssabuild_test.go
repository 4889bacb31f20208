// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package ssabuild_test

import (
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/ssabuild"
)

// TestNoReturnFacts checks the no-return facts of a package of fatal
// and panicking helpers; rowsclose's crosspkg cases check that callers
// in another package end their paths there.
func TestNoReturnFacts(t *testing.T) {
	testutil.Run(t, testutil.TestData(), ssabuild.Analyzer, "noreturn/fatal")
}
