// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// borrowsArgs reports whether callee is known to only read arguments.
func borrowsArgs(callee *ssa.Function) bool {
	obj := callee.Object()
	return obj != nil && obj.Pkg() != nil && resource.BorrowingPackage(obj.Pkg().Path())
}

// calleeName names a function for a message: "pkg.F", "(*T).M", or
// "a function literal".
func calleeName(fn *ssa.Function) string {
	if fn.Parent() != nil {
		return "a function literal"
	}
	if obj := fn.Object(); obj != nil {
		if fn.Signature.Recv() != nil && fn.Pkg != nil {
			return fn.RelString(fn.Pkg.Pkg)
		}
		if obj.Pkg() != nil {
			return obj.Pkg().Name() + "." + obj.Name()
		}
	}
	return fn.Name()
}
