// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package rowscan_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/rowscan"
)

func Test(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), rowscan.Analyzer, "rowscan/...")
}
