// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package suggest

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// A release is the call that a fix defers, such as "rows.Close()" or
// "tx.Rollback(ctx)".
type release struct {
	text   string       // the call as Go source
	method string       // the release method
	arg    types.Object // the context argument, or nil
}

// releaseCall returns the release of v, or false when it cannot be
// written mechanically. A transaction is rolled back, which is a no-op
// once committed; other resources use their first release method. A
// release that takes a context gets the acquiring call's context
// argument, when it is a plain identifier: "defer tx.Rollback(ctx)".
func releaseCall(pass *analysis.Pass, t *resource.Type, v *ast.Ident, call *ast.CallExpr) (release, bool) {
	if len(t.Releases) == 0 {
		return release{}, false
	}
	name := t.Releases[0]
	if t.Check.Props().Transaction && t.IsRelease("Rollback") {
		name = "Rollback"
	}
	obj, _, _ := types.LookupFieldOrMethod(pass.TypesInfo.TypeOf(v), true, pass.Pkg, name)
	method, ok := obj.(*types.Func)
	if !ok {
		return release{}, false
	}
	sig := method.Signature()
	if sig.Variadic() {
		return release{}, false
	}
	switch sig.Params().Len() {
	case 0:
		return release{text: v.Name + "." + name + "()", method: name}, true
	case 1:
		param := sig.Params().At(0).Type()
		if !isContext(param) {
			return release{}, false
		}
		for _, arg := range call.Args {
			id, ok := arg.(*ast.Ident)
			if !ok {
				continue
			}
			if argVar, isVar := pass.TypesInfo.Uses[id].(*types.Var); isVar && types.AssignableTo(pass.TypesInfo.TypeOf(id), param) {
				return release{text: v.Name + "." + name + "(" + id.Name + ")", method: name, arg: argVar}, true
			}
		}
	}
	return release{}, false
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}
