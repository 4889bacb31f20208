// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/ast"
	"go/token"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// SSA jumps carry no position, so the statement that ends a leaking
// iteration (a continue, or the end of the loop body) is found in the
// syntax, from the block that took the edge:
//
//   - an If whose branch goes straight to the next iteration: the
//     branch is empty or starts with the continue; the if statement is
//     found by the position of its condition;
//   - a jump: it follows the last statement of the block, so the
//     continue is the statement after the one holding the block's last
//     positioned instruction.
//
// Either way the search descends the statement lists from the loop
// body to the position, a binary search per level, so naming an exit
// costs the nesting depth, not the size of the function.

// frame is a position in a statement list: the idx'th statement.
type frame struct {
	list []ast.Stmt
	idx  int
}

// jumpTarget says which branch statements an edge may be taking.
type jumpTarget struct {
	tok   token.Token // token.CONTINUE or token.BREAK
	label string      // the loop's label, for a continue
}

// matches returns s if it is a branch statement of the target, given
// whether s lies in a loop nested in the one being named. A break is
// only looked for on an edge that leaves a loop, so any break there is
// the one taken.
func (t jumpTarget) matches(s ast.Stmt, nested bool) *ast.BranchStmt {
	br, ok := s.(*ast.BranchStmt)
	if !ok || br.Tok != t.tok {
		return nil
	}
	if t.tok == token.BREAK || (br.Label == nil && !nested) || (br.Label != nil && br.Label.Name == t.label) {
		return br
	}
	return nil
}

// iterationExit names the exit of an iteration that ended on the edge
// succ of block b (-1: b itself ended it, returning from the body of a
// range-over-func loop): the continue statement, or the end of the body.
func iterationExit(loop ast.Stmt, label string, b *ssa.BasicBlock, succ int) (ExitKind, token.Pos) {
	body := loopBody(loop)
	if br := takenBranch(body, b, succ, jumpTarget{token.CONTINUE, label}); br != nil {
		return Continue, br.Pos()
	}
	return Iterate, body.Rbrace
}

// breakTaken returns the break statement that the edge succ of block b
// takes out of a loop, or nil.
func breakTaken(fn *ssa.Function, b *ssa.BasicBlock, succ int) *ast.BranchStmt {
	var body *ast.BlockStmt
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		body = syn.Body
	case *ast.FuncLit:
		body = syn.Body
	case *ast.RangeStmt:
		body = syn.Body
	}
	if body == nil {
		return nil
	}
	return takenBranch(body, b, succ, jumpTarget{tok: token.BREAK})
}

// takenBranch returns the branch statement of target t that the edge
// succ of block b takes, searching the statement lists of body, or nil.
func takenBranch(body *ast.BlockStmt, b *ssa.BasicBlock, succ int, t jumpTarget) *ast.BranchStmt {
	if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok && succ >= 0 {
		frames := ifStmtOf(body, b, succ)
		if frames == nil {
			return nil
		}
		top := frames[len(frames)-1]
		return branchTaken(t, frames, top.list[top.idx].(*ast.IfStmt), succ == 0)
	}
	last := lastPos(b, body)
	if !last.IsValid() {
		return nil
	}
	frames := stmtPath(body, last)
	if len(frames) == 0 {
		return nil
	}
	// go/ssa drops an If whose branches meet at once, as in
	// "if err != nil { continue }" at the end of a body: the block ends
	// in the condition, and both ways are one path.
	top := frames[len(frames)-1]
	if s, ok := top.list[top.idx].(*ast.IfStmt); ok && within(last, s.Cond) && len(s.Body.List) > 0 {
		if br := t.matches(s.Body.List[0], inNestedLoop(frames)); br != nil {
			return br
		}
	}
	return statementAfter(t, frames)
}

// lastPos is the position of the last positioned instruction of b that
// lies in body.
func lastPos(b *ssa.BasicBlock, body *ast.BlockStmt) token.Pos {
	last := token.NoPos
	for _, ins := range b.Instrs {
		if p := ins.Pos(); p.IsValid() && within(p, body) {
			last = max(last, p)
		}
	}
	return last
}

// ifStmtOf finds the if statement of the If ending block b, and returns
// the statement path to it. The condition's position leads to it when
// the condition is an operation; a bare variable has no position, so
// the other successor's first statement is used: it lies in the if
// statement's branches, or right after the if statement.
func ifStmtOf(body *ast.BlockStmt, b *ssa.BasicBlock, succ int) []frame {
	ifi := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if pos := ifi.Cond.Pos(); within(pos, body) {
		frames := stmtPath(body, pos)
		for ; len(frames) > 0; frames = frames[:len(frames)-1] {
			top := frames[len(frames)-1]
			if s, ok := top.list[top.idx].(*ast.IfStmt); ok && within(pos, s.Cond) {
				return frames
			}
		}
		return nil
	}
	other := b.Succs[1-succ]
	for i := 0; i < 4 && !lastPos(other, body).IsValid() && len(other.Succs) == 1; i++ {
		other = other.Succs[0]
	}
	first := token.NoPos
	for _, ins := range other.Instrs {
		if p := ins.Pos(); p.IsValid() && within(p, body) && (!first.IsValid() || p < first) {
			first = p
		}
	}
	if !first.IsValid() {
		return nil
	}
	frames := stmtPath(body, first)
	for ; len(frames) > 0; frames = frames[:len(frames)-1] {
		top := frames[len(frames)-1]
		if s, ok := top.list[top.idx].(*ast.IfStmt); ok && !within(first, s.Cond) && !within(first, s.Init) {
			return frames // first is in one of its branches
		}
		if top.idx > 0 {
			if _, ok := top.list[top.idx-1].(*ast.IfStmt); ok {
				return append(frames[:len(frames)-1:len(frames)-1], frame{top.list, top.idx - 1})
			}
		}
	}
	return nil
}

// branchTaken returns the branch statement taken by the edge from the
// condition of s into a branch (then, or else) that starts with it, or
// that is empty and leads to the statement after s.
func branchTaken(t jumpTarget, frames []frame, s *ast.IfStmt, then bool) *ast.BranchStmt {
	var list []ast.Stmt
	switch {
	case then:
		list = s.Body.List
	case s.Else != nil:
		if blk, ok := s.Else.(*ast.BlockStmt); ok {
			list = blk.List
		}
	}
	if len(list) > 0 {
		return t.matches(list[0], inNestedLoop(frames))
	}
	return statementAfter(t, frames)
}

// statementAfter returns the branch statement run right after the
// statement at the top of frames: the next statement, or, at the end of
// a list, the one after the enclosing statement, and so on outwards.
func statementAfter(t jumpTarget, frames []frame) *ast.BranchStmt {
	for i := len(frames) - 1; i >= 0; i-- {
		f := frames[i]
		if f.idx+1 < len(f.list) {
			return t.matches(f.list[f.idx+1], inNestedLoop(frames[:i]))
		}
	}
	return nil
}

// inNestedLoop reports whether a statement enclosed by frames lies in
// a loop nested in the one being named (the frames start in its body).
func inNestedLoop(frames []frame) bool {
	for _, f := range frames {
		switch f.list[f.idx].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
	}
	return false
}

// stmtPath descends from body to pos: at each level the statement
// holding pos, found by binary search, then its nested lists.
func stmtPath(body *ast.BlockStmt, pos token.Pos) []frame {
	var frames []frame
	list := body.List
	for {
		i := sort.Search(len(list), func(i int) bool { return list[i].End() > pos })
		if i == len(list) || list[i].Pos() > pos {
			return frames
		}
		frames = append(frames, frame{list, i})
		next := innerList(list[i], pos)
		if next == nil {
			return frames
		}
		list = next
	}
}

// innerList returns the statement list nested in s that holds pos.
func innerList(s ast.Stmt, pos token.Pos) []ast.Stmt {
	var cands [][]ast.Stmt
	switch s := s.(type) {
	case *ast.BlockStmt:
		cands = append(cands, s.List)
	case *ast.LabeledStmt:
		return innerList(s.Stmt, pos)
	case *ast.IfStmt:
		cands = append(cands, s.Body.List)
		switch e := s.Else.(type) {
		case *ast.BlockStmt:
			cands = append(cands, e.List)
		case *ast.IfStmt:
			cands = append(cands, []ast.Stmt{e})
		}
	case *ast.ForStmt:
		cands = append(cands, s.Body.List)
	case *ast.RangeStmt:
		cands = append(cands, s.Body.List)
	case *ast.SwitchStmt:
		cands = append(cands, clauseLists(s.Body)...)
	case *ast.TypeSwitchStmt:
		cands = append(cands, clauseLists(s.Body)...)
	case *ast.SelectStmt:
		cands = append(cands, clauseLists(s.Body)...)
	}
	for _, l := range cands {
		if len(l) > 0 && l[0].Pos() <= pos && pos < l[len(l)-1].End() {
			return l
		}
	}
	return nil
}

func clauseLists(body *ast.BlockStmt) [][]ast.Stmt {
	var out [][]ast.Stmt
	for _, c := range body.List {
		switch c := c.(type) {
		case *ast.CaseClause:
			out = append(out, c.Body)
		case *ast.CommClause:
			out = append(out, c.Body)
		}
	}
	return out
}

func within(pos token.Pos, n ast.Node) bool {
	return n != nil && n.Pos() <= pos && pos < n.End()
}
