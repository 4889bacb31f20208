// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package ignore_test

import (
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/ignore"
)

// Test checks the ignore analyzer's reports on the directives of
// testdata/src/ignore/directives, and that its fix deletes each unused
// directive: the fixed file must equal directives.go.golden.
func Test(t *testing.T) {
	t.Parallel()
	testutil.RunWithSuggestedFixes(t, testutil.TestData(), ignore.Analyzer, "ignore/directives")
}
