// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package suggest

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/dbleaklint/dbleaklint/passes/internal/ssabuild"
)

// site is an acquisition written as a statement of its own.
type site struct {
	file   *ast.File
	assign *ast.AssignStmt // v, err := call
	call   *ast.CallExpr
	list   []ast.Stmt // the statement list holding assign
	owner  ast.Node   // the block or clause of list
	index  int        // of assign in list
	body   *ast.BlockStmt
}

// findSite returns the site of the acquiring call that starts at pos,
// or nil when the call is not the whole right-hand side of an
// assignment statement in a statement list outside any loop of its
// function.
func findSite(pass *analysis.Pass, pos token.Pos) *site {
	s := &site{}
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			s.file = f
		}
	}
	if s.file == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(s.file, pos, pos)
	i := 0
	for ; i < len(path); i++ {
		if a, ok := path[i].(*ast.AssignStmt); ok {
			s.assign = a
			break
		}
		switch path[i].(type) {
		case ast.Stmt, *ast.FuncLit:
			return nil // the call is part of another statement
		}
	}
	if s.assign == nil || len(s.assign.Rhs) != 1 || i+1 >= len(path) {
		return nil
	}
	call, ok := ast.Unparen(s.assign.Rhs[0]).(*ast.CallExpr)
	if !ok || call.Pos() != pos {
		return nil
	}
	s.call = call
	s.owner = path[i+1]
	switch p := path[i+1].(type) {
	case *ast.BlockStmt:
		s.list = p.List
	case *ast.CaseClause:
		s.list = p.Body
	case *ast.CommClause:
		s.list = p.Body
	default:
		return nil // if or switch init, for post, ...
	}
	s.index = -1
	for j, stmt := range s.list {
		if stmt == ast.Stmt(s.assign) {
			s.index = j
		}
	}
	if s.index < 0 {
		return nil
	}
	for _, n := range path[i+1:] {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return nil // a defer here runs at function exit, not per iteration
		case *ast.FuncLit:
			s.body = n.Body
		case *ast.FuncDecl:
			s.body = n.Body
		}
		if s.body != nil {
			return s
		}
	}
	return nil
}

// isErrCheck reports whether stmt is exactly
//
//	if err != nil { ...; return }
//
// on the error variable errExpr assigned by the acquisition, with no
// init statement and no else branch, and with a body that cannot fall
// through to the statement after it, where the resource may be nil.
func isErrCheck(info *types.Info, stmt ast.Stmt, errExpr ast.Expr) bool {
	ifs, ok := stmt.(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil {
		return false
	}
	cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ {
		return false
	}
	errID, ok := errExpr.(*ast.Ident)
	if !ok || errID.Name == "_" {
		return false
	}
	x, ok := ast.Unparen(cond.X).(*ast.Ident)
	if !ok || info.ObjectOf(x) == nil || info.ObjectOf(x) != info.ObjectOf(errID) {
		return false
	}
	if !isNil(info, cond.Y) {
		return false
	}
	return terminates(info, ifs.Body)
}

func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

// terminates reports whether the block ends in a return, a panic or a
// call that never returns (log.Fatal, t.Fatal, ...).
func terminates(info *types.Info, body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	switch last := body.List[len(body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(last.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok {
				return b.Name() == "panic"
			}
		}
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		return ok && ssabuild.IsNoReturnFunc(fn)
	}
	return false
}
