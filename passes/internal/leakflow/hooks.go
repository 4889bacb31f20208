// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import "golang.org/x/tools/go/ssa"

// testHookAnalyze is called at the start of the analysis of each
// function. Tests replace it, to make the engine panic on one function
// (see panic_test.go); it does nothing otherwise.
var testHookAnalyze = func(fn *ssa.Function) {}
