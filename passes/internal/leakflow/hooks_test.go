// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import "golang.org/x/tools/go/ssa"

// SetTestHookAnalyze replaces testHookAnalyze, for the external tests
// of this package (panic_test.go, which runs a check built on the
// engine and so cannot be an internal test), and returns the function
// that restores it.
func SetTestHookAnalyze(h func(fn *ssa.Function)) (restore func()) {
	old := testHookAnalyze
	testHookAnalyze = h
	return func() { testHookAnalyze = old }
}
