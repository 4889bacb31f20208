// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
)

// sourceIndex answers questions about the syntax around a position:
// how a call is written, which variable it is assigned to. It is only
// consulted when a finding is made, so it costs nothing on clean code.
type sourceIndex struct {
	pass  *analysis.Pass
	calls map[token.Pos]callSite // by Lparen; built on first use
}

// callSite is a call expression and the node that directly encloses it.
type callSite struct {
	call   *ast.CallExpr
	parent ast.Node
}

func newSourceIndex(pass *analysis.Pass) *sourceIndex { return &sourceIndex{pass: pass} }

// path returns the syntax path enclosing pos, innermost first.
func (s *sourceIndex) path(pos token.Pos) []ast.Node {
	for _, f := range s.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			path, _ := astutil.PathEnclosingInterval(f, pos, pos)
			return path
		}
	}
	return nil
}

// call returns the call expression whose Lparen is at pos, and the
// node that encloses it. The index of all calls is built once, in one
// pass over the files, the first time a finding needs it.
func (s *sourceIndex) call(pos token.Pos) (*ast.CallExpr, ast.Node) {
	if s.calls == nil {
		s.calls = make(map[token.Pos]callSite)
		for _, f := range s.pass.Files {
			var stack []ast.Node
			ast.Inspect(f, func(n ast.Node) bool {
				if n == nil {
					stack = stack[:len(stack)-1]
					return true
				}
				if c, ok := n.(*ast.CallExpr); ok {
					s.calls[c.Lparen] = callSite{c, stack[len(stack)-1]}
				}
				stack = append(stack, n)
				return true
			})
		}
	}
	site := s.calls[pos]
	return site.call, site.parent
}

// callText renders the function of the call at pos as written, such as
// "db.QueryContext" or "s.pool.Begin".
func (s *sourceIndex) callText(pos token.Pos) string {
	c, _ := s.call(pos)
	if c == nil {
		return "the call"
	}
	text := types.ExprString(c.Fun)
	if len(text) > 60 {
		text = "..." + text[len(text)-57:]
	}
	return text
}

// varName returns the variable the call at pos is assigned to, such as
// "rows" in rows, err := db.Query(...), or "".
func (s *sourceIndex) varName(pos token.Pos) string {
	c, parent := s.call(pos)
	if c == nil {
		return ""
	}
	var lhs []ast.Expr
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || p.Rhs[0] != ast.Expr(c) {
			return ""
		}
		lhs = p.Lhs
	case *ast.ValueSpec:
		if len(p.Values) != 1 || p.Values[0] != ast.Expr(c) {
			return ""
		}
		for _, n := range p.Names {
			lhs = append(lhs, n)
		}
	}
	if len(lhs) == 0 {
		return ""
	}
	if id, ok := lhs[0].(*ast.Ident); ok && id.Name != "_" {
		return id.Name
	}
	return ""
}

// funcEnd is the closing brace of fn's body: the position of its
// implicit return.
func funcEnd(fn *ssa.Function) token.Pos {
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		if syn.Body != nil {
			return syn.Body.Rbrace
		}
	case *ast.FuncLit:
		return syn.Body.Rbrace
	}
	return fn.Pos()
}
