// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package escape

import "golang.org/x/tools/go/ssa"

// SetTestHookCallback replaces testHookCallback, for the external tests
// of this package (panic_test.go, which runs the scopeescape check and
// so cannot be an internal test), and returns the function that
// restores it.
func SetTestHookCallback(h func(cb *ssa.Function)) (restore func()) {
	old := testHookCallback
	testHookCallback = h
	return func() { testHookCallback = old }
}
