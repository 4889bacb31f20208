// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"golang.org/x/tools/go/ssa"
)

// borrowingPkgs are packages whose functions only read their arguments:
// printing or logging a resource does not take it over.
var borrowingPkgs = map[string]bool{
	"fmt":      true,
	"log":      true,
	"log/slog": true,
	"errors":   true,
}

// borrowsArgs reports whether callee is known to only read arguments.
func borrowsArgs(callee *ssa.Function) bool {
	obj := callee.Object()
	return obj != nil && obj.Pkg() != nil && borrowingPkgs[obj.Pkg().Path()]
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
