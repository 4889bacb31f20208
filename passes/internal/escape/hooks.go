// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package escape

import "golang.org/x/tools/go/ssa"

// testHookCallback is called at the start of the analysis of each
// callback. Tests replace it, to make the analysis panic on one
// callback (see panic_test.go); it does nothing otherwise.
var testHookCallback = func(cb *ssa.Function) {}
