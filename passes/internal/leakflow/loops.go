// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// loopExit names the statement by which a leaking path leaves an
// iteration: the continue statement it takes, or else the end of the
// loop body. SSA jumps carry no position, so the continue is found in
// the syntax: the first continue aimed at the loop that lies after the
// furthest source point the path reached, in a block the path entered.
func (e *engine) loopExit(fn *ssa.Function, call *ssa.Call, l leak) leak {
	loop, label := innermostLoop(fn.Syntax(), call.Pos())
	if loop == nil {
		l.pos = call.Pos() // a loop made with goto
		return l
	}
	body := loopBody(loop)
	onPath := make(map[token.Pos]bool)
	furthest := token.NoPos
	for _, b := range l.path {
		for _, ins := range b.Instrs {
			if p := ins.Pos(); p.IsValid() && body.Pos() <= p && p < body.End() {
				onPath[p] = true
				furthest = max(furthest, p)
			}
		}
	}
	for _, c := range continuesTo(loop, label) {
		if c.Pos() > furthest && entered(fn, c, onPath) {
			return leak{kind: Continue, pos: c.Pos()}
		}
	}
	return leak{kind: Iterate, pos: body.Rbrace}
}

// innermostLoop returns the innermost for or range statement of syntax
// that contains pos, and its label if it has one.
func innermostLoop(syntax ast.Node, pos token.Pos) (ast.Stmt, string) {
	var loop ast.Stmt
	label := ""
	labels := make(map[ast.Stmt]string)
	ast.Inspect(syntax, func(n ast.Node) bool {
		if n == nil || n.Pos() > pos || n.End() <= pos {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return n == syntax
		case *ast.LabeledStmt:
			labels[n.Stmt] = n.Label.Name
		case *ast.ForStmt, *ast.RangeStmt:
			loop = n.(ast.Stmt)
			label = labels[loop]
		}
		return true
	})
	return loop, label
}

func loopBody(loop ast.Stmt) *ast.BlockStmt {
	if f, ok := loop.(*ast.ForStmt); ok {
		return f.Body
	}
	return loop.(*ast.RangeStmt).Body
}

// continuesTo lists, in source order, the continue statements in the
// body of loop that continue it, with the block directly enclosing each.
func continuesTo(loop ast.Stmt, label string) []*ast.BranchStmt {
	var out []*ast.BranchStmt
	var visit func(n ast.Node, nested bool)
	visit = func(n ast.Node, nested bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt:
				if m != n {
					visit(loopBody(m.(ast.Stmt)), true)
					return false
				}
			case *ast.BranchStmt:
				if m.Tok != token.CONTINUE {
					break
				}
				if (m.Label == nil && !nested) || (m.Label != nil && m.Label.Name == label) {
					out = append(out, m)
				}
			}
			return true
		})
	}
	visit(loopBody(loop), false)
	return out
}

// entered reports whether the path plausibly reached the block holding
// continue statement c: some instruction of that block before c is on
// the path, or the block has no positioned instruction before c at all.
func entered(fn *ssa.Function, c *ast.BranchStmt, onPath map[token.Pos]bool) bool {
	block := enclosingBlock(fn.Syntax(), c)
	if block == nil {
		return true
	}
	some := false
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if p := ins.Pos(); p.IsValid() && block.Pos() <= p && p < c.Pos() {
				some = true
				if onPath[p] {
					return true
				}
			}
		}
	}
	return !some
}

// enclosingBlock returns the statement list node directly enclosing s.
func enclosingBlock(syntax ast.Node, s ast.Stmt) ast.Node {
	var found ast.Node
	ast.Inspect(syntax, func(n ast.Node) bool {
		if n == nil || n.Pos() > s.Pos() || n.End() < s.End() {
			return false
		}
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		if slices.Contains(list, s) {
			found = n
		}
		return found == nil
	})
	return found
}

// deferLoops reports releases of acq deferred inside a loop: each
// iteration then holds one more resource until the function returns.
func (e *engine) deferLoops(fn *ssa.Function, acq acquisition, a *aliases, res *Result) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			d, ok := ins.(*ssa.Defer)
			if !ok || !inCycle(b) {
				continue
			}
			if eff := e.callEffect(a, &d.Call, true); eff.kind != effRelease && eff.kind != effDeferCell {
				continue
			}
			f := e.finding(fn, acq, DeferInLoop, []leak{{kind: DeferInLoop, pos: d.Pos()}})
			f.Message = fmt.Sprintf("%s is deferred inside a loop: each iteration holds its %s from %s until the function returns; release it at the end of the iteration, or move the loop body into a function",
				e.src.deferText(d.Pos()), acq.typ.Noun, f.Callee)
			res.Findings = append(res.Findings, f)
		}
	}
}

// inCycle reports whether block b can reach itself.
func inCycle(b *ssa.BasicBlock) bool {
	seen := make(map[*ssa.BasicBlock]bool)
	stack := slices.Clone(b.Succs)
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == b {
			return true
		}
		if !seen[n] {
			seen[n] = true
			stack = append(stack, n.Succs...)
		}
	}
	return false
}

// deferText renders the deferred function of the defer statement at
// pos: "rows.Close" or "a deferred function literal".
func (s *sourceIndex) deferText(pos token.Pos) string {
	for _, n := range s.path(pos) {
		if d, ok := n.(*ast.DeferStmt); ok && d.Defer == pos {
			if _, lit := d.Call.Fun.(*ast.FuncLit); lit {
				return "a deferred function literal that releases it"
			}
			return types.ExprString(d.Call.Fun)
		}
	}
	return "the release"
}
