// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// state is what the walk knows of the resource at a program point.
// Every other situation (released, handed over, never acquired) ends
// the path, so two states suffice.
type state uint8

const (
	held         state = iota // the resource must still be released
	heldLooped                // held, on a path that went around the loop holding the acquisition
	deferredCell              // a deferred closure releases whatever the cell holds at exit
)

// isHeld reports whether the resource must still be released in s.
func (s state) isHeld() bool { return s != deferredCell }

// node is a memo key: each (block, state) is walked at most once.
type node struct {
	b *ssa.BasicBlock
	s state
}

// leak is one leaking exit found by a walk.
type leak struct {
	kind   ExitKind
	looped bool              // found after going around the acquisition's loop: the loop leak explains it
	pos    token.Pos         // the return, or the overwriting store
	path   []*ssa.BasicBlock // for Continue/Iterate: the blocks of the witness iteration
}

// outcome summarizes one walk.
type outcome struct {
	leaks    []leak
	released bool   // some path released the resource
	returned bool   // some path returned it to the caller
	escape   string // why ownership became unclear on some path, if it did
}

// walker walks the CFG of one function for one resource.
type walker struct {
	e    *engine
	fn   *ssa.Function
	a    *aliases
	acq  ssa.Instruction // the acquiring call, or nil for a summary
	out  outcome
	seen map[node]bool
	from map[node]node // first predecessor, for witness paths
}

type workItem struct {
	n     node
	start int // index of the first instruction to process
}

// walk explores the function from instruction start of block b.
func (w *walker) walk(b *ssa.BasicBlock, start int) {
	w.seen = make(map[node]bool)
	w.from = make(map[node]node)
	first := node{b, held}
	queue := []workItem{{first, start}}
	for len(queue) > 0 {
		it := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		s, ok := w.block(it)
		if !ok {
			continue
		}
		for i, succ := range it.n.b.Succs {
			if w.pruned(it.n.b, i) {
				continue
			}
			next := node{succ, w.edgeState(it.n.b, succ, s)}
			if w.seen[next] {
				continue
			}
			w.seen[next] = true
			w.from[next] = it.n
			queue = append(queue, workItem{next, 0})
		}
	}
}

// block processes the instructions of one block and reports the state
// at its end, or false if the path ended inside it.
func (w *walker) block(it workItem) (state, bool) {
	s := it.n.s
	b := it.n.b
	for _, ins := range b.Instrs[it.start:] {
		if ins == w.acq {
			// The acquisition is reached again: a loop iterates
			// while the resource from the previous iteration is held.
			if s.isHeld() {
				w.out.leaks = append(w.out.leaks, leak{kind: Iterate, path: w.witness(it.n)})
			}
			return s, false
		}
		next, ok := w.step(ins, s)
		if !ok {
			return s, false
		}
		s = next
	}
	return s, true
}

// step applies one instruction. It returns the new state, or false if
// the path ends here.
func (w *walker) step(ins ssa.Instruction, s state) (state, bool) {
	switch ins := ins.(type) {
	case *ssa.Return:
		for _, r := range ins.Results {
			if w.a.vals[r] {
				w.out.returned = true
				return s, false
			}
		}
		if s.isHeld() {
			w.out.leaks = append(w.out.leaks, leak{kind: Return, pos: w.returnPos(ins), looped: s == heldLooped})
		}
		return s, false
	case *ssa.Panic:
		return s, false
	case *ssa.Store:
		return w.store(ins, s)
	}
	eff := w.e.effect(w.a, ins)
	switch eff.kind {
	case effRelease:
		w.out.released = true
		return s, false
	case effDeferCell:
		w.out.released = true
		return deferredCell, true
	case effEscape:
		w.out.escape = eff.reason
		return s, false
	}
	return s, true
}

// store handles a store: the resource stored outside a local cell is
// handed over; a cell holding it that is overwritten loses it.
func (w *walker) store(st *ssa.Store, s state) (state, bool) {
	if w.a.vals[st.Val] {
		if w.a.cells[st.Addr] {
			return s, true
		}
		w.out.escape = "stored in a field, global or container"
		return s, false
	}
	if !w.a.cells[st.Addr] {
		return s, true
	}
	if s == deferredCell {
		// The deferred closure will release the new value, not ours.
		return held, true
	}
	w.out.leaks = append(w.out.leaks, leak{kind: Overwrite, pos: storePos(st), looped: s == heldLooped})
	return s, false
}

// edgeState is the state after the edge from b to succ. Going back to
// the head of a loop that holds the acquisition while the resource is
// held marks the path as looped: if it then leaves the function, the
// leak is the loop's (the continue or the end of the body), already
// reported when the path reaches the acquisition again.
func (w *walker) edgeState(b, succ *ssa.BasicBlock, s state) state {
	if s == held && w.acq != nil && succ.Dominates(b) && succ.Dominates(w.acq.Block()) {
		return heldLooped
	}
	return s
}

// pruned reports whether the i'th successor edge of b is infeasible
// while the resource is held, by the branch facts of branch.go.
func (w *walker) pruned(b *ssa.BasicBlock, i int) bool {
	if len(b.Instrs) == 0 {
		return false
	}
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	return w.e.nothingHeld(w.a, ifi.Cond, i == 0)
}

// witness returns the blocks of one path from the walk's start to n.
func (w *walker) witness(n node) []*ssa.BasicBlock {
	var path []*ssa.BasicBlock
	for steps := 0; steps <= len(w.fn.Blocks)*2; steps++ {
		path = append(path, n.b)
		prev, ok := w.from[n]
		if !ok {
			break
		}
		n = prev
	}
	return path
}

// returnPos is the position of a return statement, or of the closing
// brace for the implicit return at the end of a function.
func (w *walker) returnPos(r *ssa.Return) token.Pos {
	if r.Pos().IsValid() {
		return r.Pos()
	}
	return funcEnd(w.fn)
}

func storePos(st *ssa.Store) token.Pos {
	if st.Pos().IsValid() {
		return st.Pos()
	}
	if v, ok := st.Val.(ssa.Instruction); ok {
		return v.Pos()
	}
	return token.NoPos
}
