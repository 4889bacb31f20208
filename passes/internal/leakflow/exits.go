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

// iterationExit names the exit of an iteration that ended on the edge
// succ of block b (-1: b itself ended it, returning from the body of a
// range-over-func loop).
func iterationExit(loop ast.Stmt, label string, b *ssa.BasicBlock, succ int) (ExitKind, token.Pos) {
	body := loopBody(loop)
	var frames []frame
	if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok && succ >= 0 {
		if frames := ifStmtOf(body, b, succ); frames != nil {
			top := frames[len(frames)-1]
			return branchExit(body, label, frames, top.list[top.idx].(*ast.IfStmt), succ == 0)
		}
		return Iterate, body.Rbrace
	}
	last := lastPos(b, body)
	if !last.IsValid() {
		return Iterate, body.Rbrace
	}
	frames = stmtPath(body, last)
	if len(frames) == 0 {
		return Iterate, body.Rbrace
	}
	// go/ssa drops an If whose branches meet at once, as in
	// "if err != nil { continue }" at the end of a body: the block ends
	// in the condition, and both ways are one path.
	top := frames[len(frames)-1]
	if s, ok := top.list[top.idx].(*ast.IfStmt); ok && within(last, s.Cond) && len(s.Body.List) > 0 {
		if c := continueTo(s.Body.List[0], label, nestedLoop(frames)); c != nil {
			return Continue, c.Pos()
		}
	}
	return exitAfter(body, label, frames)
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

// branchExit names the exit of an iteration that went from the
// condition of s straight to the next iteration: then is the branch.
func branchExit(body *ast.BlockStmt, label string, frames []frame, s *ast.IfStmt, then bool) (ExitKind, token.Pos) {
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
		if c := continueTo(list[0], label, false); c != nil {
			return Continue, c.Pos()
		}
		return Iterate, body.Rbrace
	}
	return exitAfter(body, label, frames)
}

// exitAfter names the exit taken right after the statement at the top
// of frames: the next statement if it is a continue, or, at the end of
// a list, whatever follows the enclosing statement, up to the end of
// the loop body.
func exitAfter(body *ast.BlockStmt, label string, frames []frame) (ExitKind, token.Pos) {
	for i := len(frames) - 1; i >= 0; i-- {
		f := frames[i]
		if f.idx+1 < len(f.list) {
			if c := continueTo(f.list[f.idx+1], label, nestedLoop(frames[:i+1])); c != nil {
				return Continue, c.Pos()
			}
			break
		}
	}
	return Iterate, body.Rbrace
}

// continueTo returns s if it is a continue statement of the loop: an
// unlabeled one outside any nested loop, or one naming the loop's label.
func continueTo(s ast.Stmt, label string, nested bool) *ast.BranchStmt {
	br, ok := s.(*ast.BranchStmt)
	if !ok || br.Tok != token.CONTINUE {
		return nil
	}
	if (br.Label == nil && !nested) || (br.Label != nil && br.Label.Name == label) {
		return br
	}
	return nil
}

// nestedLoop reports whether the innermost statement of frames lies in
// a loop nested in the one being named.
func nestedLoop(frames []frame) bool {
	for _, f := range frames[:len(frames)-1] {
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
