// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

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

// deferSite is a defer statement of the function being analyzed.
type deferSite struct {
	*ssa.Defer
	index  int  // in its block
	inLoop bool // it runs once per iteration of a loop
}

// funcInfo is what the analysis of a function computes once for all
// its acquisitions.
type funcInfo struct {
	defers []deferSite
	loops  loopStructure
	conds  condTable
}

func newFuncInfo(fn *ssa.Function) *funcInfo {
	fi := &funcInfo{loops: loopsOf(fn), conds: condsOf(fn)}
	fi.defers = defersOf(fn, fi.loops)
	return fi
}

// defersOf lists the defer statements of fn. A defer in the body of a
// range-over-func loop is pushed onto the enclosing function's stack,
// so it is in a loop too.
func defersOf(fn *ssa.Function, loops loopStructure) []deferSite {
	var out []deferSite
	for _, b := range fn.Blocks {
		for i, ins := range b.Instrs {
			if d, ok := ins.(*ssa.Defer); ok {
				out = append(out, deferSite{d, i, loops.cyclic[b.Index] || d.DeferStack != nil})
			}
		}
	}
	return out
}

// deferLoops reports releases of acq deferred inside a loop that let
// each iteration hold one more resource until the function returns.
// A loop whose every path to the next iteration ends the resource
// (Commit, Rollback, Close, rows drained by Next) holds nothing across
// iterations: the deferred call is a no-op by then, and nothing is
// reported. A path that returns relies on the defer, rightly.
func (e *engine) deferLoops(fn *ssa.Function, fi *funcInfo, acq acquisition, a *aliases, res *Result) {
	for _, d := range fi.defers {
		if !d.inLoop {
			continue
		}
		if eff := e.callEffect(a, &d.Call, true); eff.kind != effRelease && eff.kind != effDeferCell {
			continue
		}
		if !e.heldIntoNextIteration(fn, fi, acq, d.Defer) {
			continue
		}
		f := e.finding(fn, acq, DeferInLoop, []leak{{kind: DeferInLoop, pos: d.Pos()}})
		f.Message = fmt.Sprintf("%s is deferred inside a loop: each iteration holds its %s from %s until the function returns; release it at the end of the iteration, or move the loop body into a function",
			e.src.deferText(d.Pos()), acq.typ.Noun, f.Callee)
		res.Findings = append(res.Findings, f)
	}
}

// heldIntoNextIteration reports whether some path from acq reaches the
// next iteration of its loop with the resource still held, counting
// the deferred release d as nothing (it runs only when the function
// returns).
func (e *engine) heldIntoNextIteration(fn *ssa.Function, fi *funcInfo, acq acquisition, d *ssa.Defer) bool {
	a := newAliases(acq.typ)
	resultAliases(a, acq.call, acq.index)
	w := &walker{e: e, fn: fn, fi: fi, a: a, acq: acq.call, skip: d}
	e.prepareLoopExits(w, fn, acq.call)
	b := acq.call.Block()
	w.walk(b, slices.Index(b.Instrs, ssa.Instruction(acq.call))+1, fi.conds.implied(b, state{}))
	return w.out.iterated
}

// loopStructure is the strongly connected components of a CFG, by
// block index.
type loopStructure struct {
	comp   []int  // the component of each block
	cyclic []bool // blocks on a cycle
}

// leaves reports whether the edge from b to succ leaves a loop.
func (l loopStructure) leaves(b, succ *ssa.BasicBlock) bool {
	return l.cyclic[b.Index] && l.comp[b.Index] != l.comp[succ.Index]
}

// loopsOf computes the strongly connected components of fn's CFG with
// Tarjan's algorithm, linear in the size of the CFG. Blocks on a cycle
// are those of a component of more than one block, and blocks that jump
// to themselves.
func loopsOf(fn *ssa.Function) loopStructure {
	n := len(fn.Blocks)
	l := loopStructure{comp: make([]int, n), cyclic: make([]bool, n)}
	index := make([]int, n) // 1 + discovery order; 0: not yet visited
	low := make([]int, n)
	onStack := make([]bool, n)
	var stack []*ssa.BasicBlock
	next := 0
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		next++
		index[b.Index], low[b.Index] = next, next
		stack = append(stack, b)
		onStack[b.Index] = true
		for _, s := range b.Succs {
			if index[s.Index] == 0 {
				visit(s)
				low[b.Index] = min(low[b.Index], low[s.Index])
			} else if onStack[s.Index] {
				low[b.Index] = min(low[b.Index], index[s.Index])
			}
			if s == b {
				l.cyclic[b.Index] = true
			}
		}
		if low[b.Index] != index[b.Index] {
			return
		}
		start := len(stack) - 1
		for stack[start] != b {
			start--
		}
		scc := stack[start:]
		stack = stack[:start]
		for _, m := range scc {
			onStack[m.Index] = false
			l.comp[m.Index] = index[b.Index]
			l.cyclic[m.Index] = l.cyclic[m.Index] || len(scc) > 1
		}
	}
	for _, b := range fn.Blocks {
		if index[b.Index] == 0 {
			visit(b)
		}
	}
	return l
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

// prepareLoopExits finds the loop holding the acquisition and the
// blocks whose entry ends one of its iterations, so that the walk can
// record every way an iteration ends while the resource is held: each
// continue statement and the end of the body. The memo merges those
// paths where they meet, so they must be seen on the edges.
//
// The header is the innermost block that dominates the acquisition and
// is entered by a back edge. An iteration ends on a back edge into it,
// or, in a for statement with a post statement, on any edge into the
// block that runs the post statement.
func (e *engine) prepareLoopExits(w *walker, fn *ssa.Function, call *ssa.Call) {
	if _, yield := fn.Syntax().(*ast.RangeStmt); yield {
		// The body of a range-over-func loop ends an iteration by
		// returning true, from blocks that continue statements and
		// the end of the body share.
		w.loopTargets = make(map[*ssa.BasicBlock]bool)
		for _, b := range fn.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if ok && continuesYield(fn, ret) && onlyResumes(b.Instrs[:len(b.Instrs)-1]) {
				w.loopTargets[b] = true
			}
		}
		return
	}
	header := loopHeader(call.Block())
	if header == nil {
		return
	}
	w.header = header
	w.loopTargets = map[*ssa.BasicBlock]bool{header: true}
	loop, _ := innermostLoop(fn.Syntax(), call.Pos())
	f, ok := loop.(*ast.ForStmt)
	if !ok || f.Post == nil {
		return
	}
	for _, latch := range header.Preds {
		if header.Dominates(latch) && onlyRunsPost(latch, f.Post) {
			delete(w.loopTargets, header)
			w.loopTargets[latch] = true
		}
	}
}

// isHeader reports whether b is the header of the acquisition's loop:
// an edge into the header ends an iteration only if it is a back edge,
// while every edge into a post block does.
func (w *walker) isHeader(b *ssa.BasicBlock) bool { return b == w.header }

// loopHeader returns the header of the innermost loop that contains b,
// or nil: a block h dominating b with a back edge from a block that b
// reaches without passing through h.
func loopHeader(b *ssa.BasicBlock) *ssa.BasicBlock {
	for h := b; h != nil; h = h.Idom() {
		latches := make(map[*ssa.BasicBlock]bool)
		for _, p := range h.Preds {
			if h.Dominates(p) {
				latches[p] = true
			}
		}
		if len(latches) > 0 && reachesAvoiding(b, latches, h) {
			return h
		}
	}
	return nil
}

// reachesAvoiding reports whether some block of targets is reachable
// from b (b included) by a path that does not enter avoid.
func reachesAvoiding(b *ssa.BasicBlock, targets map[*ssa.BasicBlock]bool, avoid *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{b: true}
	stack := []*ssa.BasicBlock{b}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if targets[n] {
			return true
		}
		for _, s := range n.Succs {
			if s != avoid && !seen[s] {
				seen[s] = true
				stack = append(stack, s)
			}
		}
	}
	return false
}

// onlyRunsPost reports whether block b runs the post statement of a
// for loop and nothing of its body (go/ssa fuses the two when the body
// ends without a branch).
func onlyRunsPost(b *ssa.BasicBlock, post ast.Stmt) bool {
	runs := false
	for _, ins := range b.Instrs {
		if p := ins.Pos(); p.IsValid() {
			if p < post.Pos() || p >= post.End() {
				return false
			}
			runs = true
		}
	}
	return runs
}

// onlyResumes reports whether instrs only set the state variables of a
// range-over-func loop (stores to free variables), as the block that
// continue statements and the end of the body share does.
func onlyResumes(instrs []ssa.Instruction) bool {
	for _, ins := range instrs {
		st, ok := ins.(*ssa.Store)
		if !ok {
			return false
		}
		if _, ok := st.Addr.(*ssa.FreeVar); !ok {
			return false
		}
	}
	return true
}

// loopExits names the exits of every recorded way an iteration ended
// while the resource was held, one leak per distinct statement.
func (e *engine) loopExits(w *walker, call *ssa.Call) []leak {
	var out []leak
	seen := make(map[token.Pos]bool)
	// Non-strict edges first, so that a statement reached both ways is
	// reported in the default mode.
	slices.SortStableFunc(w.loopEdges, func(x, y loopEdge) int {
		return cmp.Compare(b2i(x.strict), b2i(y.strict))
	})
	loop, label := innermostLoop(w.fn.Syntax(), call.Pos())
	for _, edge := range w.loopEdges {
		l := leak{kind: Iterate, pos: call.Pos(), strict: edge.strict, assumed: edge.from.s.assumed}
		if loop != nil {
			l.kind, l.pos = iterationExit(loop, label, edge.from.b, edge.succ)
		}
		if !seen[l.pos] {
			seen[l.pos] = true
			out = append(out, l)
		}
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
