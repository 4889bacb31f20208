// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package rawpool finds the uses of the methods of *pgxpool.Pool that
// hand out a connection, or a value holding one, for the caller to
// release by hand, and holds the policy that says where they are
// findings (policy.go): what the poolpolicy check reports, and what the
// ignore analyzer counts as findings a directive may silence.
package rawpool

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// A Use is a use of a raw method: a call, a method value or a method
// expression, since each hands the raw pool's acquisition to code that
// must then release by hand.
type Use struct {
	Pos    token.Pos // the method's name
	Method string    // Acquire, Begin, ...
	Advice string    // the helper to use instead, and why
}

// Uses returns the uses of raw methods in the files of the pass, in
// source order.
func Uses(pass *analysis.Pass) []Use {
	var uses []Use
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			fn, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func)
			if !ok {
				return true
			}
			if a, ok := resource.RawPoolAdvice(fn.Origin().FullName()); ok {
				uses = append(uses, Use{Pos: sel.Sel.Pos(), Method: fn.Name(), Advice: a})
			}
			return true
		})
	}
	return uses
}
