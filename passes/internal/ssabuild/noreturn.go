// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package ssabuild

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// IsNoReturnFunc reports whether fn is a well-known function that never
// returns.
func IsNoReturnFunc(fn *types.Func) bool {
	return resource.NoReturn(fn.Origin().FullName())
}

// A noReturn fact marks a function that never returns because its body
// ends in a call that never returns (a fatal or panicking helper), so
// that a path ending in a call to it from another package is not a
// leak either. Functions of the table need no fact.
type noReturn struct{}

// AFact marks noReturn as an [analysis.Fact].
func (*noReturn) AFact() {}

func (*noReturn) String() string { return "noReturn" }

// noReturnFuncs returns the predicate for ssa.Program.SetNoReturn: the
// table, the imported functions with a noReturn fact, plus the
// functions of this package whose body ends in a call to a no-return
// function or a panic and holds no return statement (a local fatal
// helper), computed to a fixed point. It exports a fact for each of
// the latter.
func noReturnFuncs(pass *analysis.Pass) func(*types.Func) bool {
	local := make(map[*types.Func]bool)
	isNoReturn := func(fn *types.Func) bool {
		fn = fn.Origin()
		if local[fn] || IsNoReturnFunc(fn) {
			return true
		}
		return fn.Pkg() != nil && fn.Pkg() != pass.Pkg && pass.ImportObjectFact(fn, new(noReturn))
	}
	for changed := true; changed; {
		changed = false
		for _, file := range pass.Files {
			for _, decl := range file.Decls {
				decl, ok := decl.(*ast.FuncDecl)
				if !ok || decl.Body == nil {
					continue
				}
				fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
				if fn == nil || local[fn] {
					continue
				}
				if endsInNoReturn(pass.TypesInfo, decl.Body, isNoReturn) {
					local[fn] = true
					changed = true
				}
			}
		}
	}
	for fn := range local {
		pass.ExportObjectFact(fn, new(noReturn))
	}
	return isNoReturn
}

// endsInNoReturn reports whether body has no return statement and its
// last statement is a call that never returns.
func endsInNoReturn(info *types.Info, body *ast.BlockStmt, isNoReturn func(*types.Func) bool) bool {
	if len(body.List) == 0 {
		return false
	}
	stmt, ok := body.List[len(body.List)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := astutil.Unparen(stmt.X).(*ast.CallExpr)
	if !ok || !isNoReturnCall(info, call, isNoReturn) {
		return false
	}
	hasReturn := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			hasReturn = true
		}
		return !hasReturn
	})
	return !hasReturn
}

func isNoReturnCall(info *types.Info, call *ast.CallExpr, isNoReturn func(*types.Func) bool) bool {
	var id *ast.Ident
	switch fun := astutil.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		id = fun.Sel
	default:
		return false
	}
	switch obj := info.Uses[id].(type) {
	case *types.Builtin:
		return obj.Name() == "panic"
	case *types.Func:
		return isNoReturn(obj)
	}
	return false
}
