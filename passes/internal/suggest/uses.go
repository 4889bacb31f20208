// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package suggest

import (
	"go/ast"
	"go/token"
	"go/types"
)

// ownedHere reports whether every use of the variable obj in the
// function body, other than its acquisition def, leaves the resource in
// the function's hands, so that a deferred release at the top cannot
// release what someone else owns. It is deliberately narrow.
func ownedHere(info *types.Info, body *ast.BlockStmt, def *ast.Ident, obj types.Object) bool {
	ok := true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, isIdent := n.(*ast.Ident); isIdent && id != def && info.ObjectOf(id) == obj {
			ok = keepsOwnership(info, id, stack)
		}
		stack = append(stack, n)
		return true
	})
	return ok
}

// keepsOwnership reports whether the use id, whose enclosing nodes are
// stack (outermost first), keeps the resource in the function's hands.
func keepsOwnership(info *types.Info, id *ast.Ident, stack []ast.Node) bool {
	for _, n := range stack {
		switch n.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
			// Captured, handed to a goroutine, or already
			// released (or used) by a deferred call: not
			// mechanical.
			return false
		}
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.ValueSpec:
		return len(p.Values) == 0 // var rows pgx.Rows, assigned later by the acquisition
	case *ast.SelectorExpr:
		// A method call: v.Next(), tx.Exec(ctx, ...). Hijack takes
		// the connection out of the pool: the caller owns the
		// *pgx.Conn it returns.
		call, ok := stack[len(stack)-2].(*ast.CallExpr)
		return ok && call.Fun == ast.Expr(p) && p.X == ast.Expr(id) && p.Sel.Name != "Hijack"
	case *ast.BinaryExpr:
		return (p.Op == token.EQL || p.Op == token.NEQ) && (isNil(info, p.X) || isNil(info, p.Y))
	case *ast.CallExpr:
		// An argument of a function call. The engine follows the
		// resource into calls it can see into (same package, facts,
		// the pgx helpers that close rows) and records an untracked
		// acquisition for any other, which Fix refuses. Conversions
		// and builtins (append) are not calls it follows.
		if tv, ok := info.Types[p.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
			return false
		}
		for _, arg := range p.Args {
			if arg == ast.Expr(id) {
				return true
			}
		}
	}
	return false
}
