// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package suggest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// The deferred release that a fix inserts can make an explicit release
// of the same resource later in the function redundant:
//
//	rows, err := db.Query(q)
//	if err != nil {
//		return err
//	}
//	defer rows.Close() // inserted
//	...
//	rows.Close()       // now redundant
//	return nil
//
// The fix removes such a call only when the deferred call provably does
// the same thing at the same point of that path:
//
//   - it is a statement of its own, its result discarded, alone on its
//     line, calling the same method (Rollback, never Commit, for a
//     transaction) on the same variable, which the fix already requires
//     to be never reassigned, with the same arguments, variables that
//     are never reassigned either;
//   - it comes after the inserted defer in the same statement list or a
//     block nested in it (not in a closure), so that every path to it
//     runs the defer first, and the function has no goto;
//   - nothing but the return follows it: it is the last statement of
//     the function, or is directly followed by a return whose results
//     are variables and constants, which the release cannot change;
//   - no defer statement follows the inserted one, since a deferred
//     call registered later would run before the release instead of
//     after it. The other fixes of the file may insert such defers: they
//     release resources acquired later, and releasing those first is
//     the order Go's defers give anyway.
//
// Any other explicit release of the same method is kept, and the fix's
// message says so and why.

// redundant returns the edits that delete the explicit releases of
// obj, of type t, that the deferred rel inserted after the statement
// list[after] makes redundant, and a note for the fix's message on each
// explicit release, removed or kept.
func redundant(pass *analysis.Pass, s *site, after int, obj types.Object, t *resource.Type, rel release) ([]analysis.TextEdit, []string) {
	var edits []analysis.TextEdit
	var notes []string
	blocker := functionBlocker(s.body, s.list[after].End())
	for _, stmt := range s.list[after+1:] {
		inspectStack(s.owner, stmt, func(n ast.Node, stack []ast.Node) {
			call, ok := n.(*ast.CallExpr)
			if !ok || !isReleaseOf(pass.TypesInfo, call, obj, t, rel.method) {
				return
			}
			what := fmt.Sprintf("%s at line %d", types.ExprString(call), pass.Fset.Position(call.Pos()).Line)
			why := ""
			es, isStmt := stack[len(stack)-1].(*ast.ExprStmt)
			switch {
			case !isStmt:
				why = "its result is used"
			case !sameArgs(pass.TypesInfo, s.body, call, rel):
				why = "its arguments may differ from the deferred call's"
			case blocker != "":
				why = blocker
			case !endsFunction(s.body, es, stack):
				why = "other code runs after it"
			}
			if why == "" {
				edit := deleteLine(pass, es)
				if edit == nil {
					why = "it shares its line with other code or a comment"
				} else {
					edits = append(edits, *edit)
					notes = append(notes, "remove the redundant "+what)
					return
				}
			}
			notes = append(notes, "keep "+what+": "+why)
		})
	}
	return edits, notes
}

// isReleaseOf reports whether call is obj.method(...), a release of t.
func isReleaseOf(info *types.Info, call *ast.CallExpr, obj types.Object, t *resource.Type, method string) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != method || !t.IsRelease(method) {
		return false
	}
	x, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && info.ObjectOf(x) == obj
}

// sameArgs reports whether call passes what rel passes: nothing, or the
// same variable, never reassigned in body.
func sameArgs(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr, rel release) bool {
	if rel.arg == nil {
		return len(call.Args) == 0
	}
	if len(call.Args) != 1 {
		return false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	return ok && info.ObjectOf(id) == rel.arg && !reassigned(info, body, rel.arg)
}

// reassigned reports whether body assigns obj anywhere after declaring
// it, or takes its address.
func reassigned(info *types.Info, body *ast.BlockStmt, obj types.Object) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == obj // Defs: the declaration itself
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				found = found || is(lhs)
			}
		case *ast.RangeStmt:
			found = found || n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value)
		case *ast.IncDecStmt:
			found = found || is(n.X)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && is(n.X)
		}
		return !found
	})
	return found
}

// functionBlocker returns why no explicit release of the function body
// can be removed, or "": a goto, or a defer statement after pos (not in
// a closure).
func functionBlocker(body *ast.BlockStmt, pos token.Pos) string {
	why := ""
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			if n.Tok == token.GOTO {
				why = "the function has a goto"
			}
		case *ast.DeferStmt:
			if n.Pos() > pos {
				why = "a later defer statement would run before the deferred release"
			}
		}
		return why == ""
	})
	return why
}

// endsFunction reports whether the statement es, whose enclosing nodes
// are stack, is the last statement of the function body, or is directly
// followed by a return of variables and constants.
func endsFunction(body *ast.BlockStmt, es *ast.ExprStmt, stack []ast.Node) bool {
	var list []ast.Stmt
	switch p := stack[len(stack)-2].(type) {
	case *ast.BlockStmt:
		list = p.List
	case *ast.CaseClause:
		list = p.Body
	case *ast.CommClause:
		list = p.Body
	default:
		return false // a labeled statement, ...
	}
	for i, stmt := range list {
		if stmt != ast.Stmt(es) {
			continue
		}
		if i+1 == len(list) {
			return stack[len(stack)-2] == ast.Node(body)
		}
		ret, ok := list[i+1].(*ast.ReturnStmt)
		if !ok {
			return false
		}
		for _, r := range ret.Results {
			switch ast.Unparen(r).(type) {
			case *ast.Ident, *ast.BasicLit:
			default:
				return false
			}
		}
		return true
	}
	return false
}

// deleteLine returns the edit that deletes the line of stmt, or nil
// when stmt does not stand alone on its line.
func deleteLine(pass *analysis.Pass, stmt ast.Stmt) *analysis.TextEdit {
	tf, data := source(pass, stmt.Pos())
	if data == nil {
		return nil
	}
	start, end := tf.Offset(stmt.Pos()), tf.Offset(stmt.End())
	ls := lineStart(data, start)
	eol := bytes.IndexByte(data[end:], '\n')
	if eol < 0 || len(bytes.Trim(data[ls:start], " \t")) > 0 || len(bytes.Trim(data[end:end+eol], " \t")) > 0 {
		return nil
	}
	return &analysis.TextEdit{Pos: tf.Pos(ls), End: tf.Pos(end + eol + 1)}
}

// inspectStack calls f on every node of root outside closures, with the
// nodes that enclose it, outermost first, starting with parent, root's.
func inspectStack(parent, root ast.Node, f func(n ast.Node, stack []ast.Node)) {
	stack := []ast.Node{parent}
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		f(n, stack)
		stack = append(stack, n)
		return true
	})
}
