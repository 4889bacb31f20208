// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Correlated branches: code that tests the same condition twice
// (if m.useTx { tx, err = conn.Begin(ctx) ... } ... if m.useTx {
// tx.Commit(ctx) }) takes the same edge both times. The walk remembers
// the outcome of each condition that more than one If tests, as two
// bits of its state, and does not follow the edge that contradicts it.
// The fact is forgotten when the path runs the instruction that
// defines the tested value again (the next iteration of a loop).

// condKey identifies a condition up to the way it is written: the same
// value, the same field of the same struct value, or a nil test of the
// same operand.
type condKey struct {
	x       ssa.Value
	field   int  // 1 + the field index for a Field of x, else 0
	nilTest bool // the condition is x == nil
}

// maxConds bounds the conditions remembered per function.
const maxConds = 32

// condTable indexes the conditions tested by more than one If of a
// function.
type condTable struct {
	index map[condKey]uint
	defs  map[ssa.Value][]uint // the conditions each defining value carries
}

// condsOf builds the table of fn.
func condsOf(fn *ssa.Function) condTable {
	count := make(map[condKey]int)
	for _, b := range fn.Blocks {
		if ifi, ok := lastIf(b); ok {
			if k, _, ok := condOf(ifi.Cond); ok {
				count[k]++
			}
		}
	}
	t := condTable{}
	for _, b := range fn.Blocks { // in block order, for determinism
		ifi, ok := lastIf(b)
		if !ok {
			continue
		}
		k, _, ok := condOf(ifi.Cond)
		if !ok || count[k] < 2 {
			continue
		}
		if _, done := t.index[k]; done || len(t.index) == maxConds {
			continue
		}
		if t.index == nil {
			t.index = make(map[condKey]uint)
			t.defs = make(map[ssa.Value][]uint)
		}
		i := uint(len(t.index))
		t.index[k] = i
		if _, isInstr := k.x.(ssa.Instruction); isInstr {
			t.defs[k.x] = append(t.defs[k.x], i)
		}
	}
	return t
}

// condOf returns the key of a branch condition, and whether the
// condition is the key's predicate negated.
func condOf(v ssa.Value) (condKey, bool, bool) {
	switch c := v.(type) {
	case *ssa.UnOp:
		switch c.Op {
		case token.NOT:
			k, neg, ok := condOf(c.X)
			return k, !neg, ok
		case token.MUL:
			// A load of a local variable, or of one of its fields
			// (m.useTx where m lives in a cell): the same cell.
			if cell, field, ok := localCell(c.X); ok {
				return condKey{x: cell, field: field}, false, true
			}
		}
		return condKey{x: v}, false, true
	case *ssa.Field:
		return condKey{x: c.X, field: c.Field + 1}, false, true
	case *ssa.BinOp:
		if x, ok := nilComparand(c); ok {
			return condKey{x: x, nilTest: true}, c.Op == token.NEQ, true
		}
		return condKey{}, false, false
	case *ssa.Const:
		return condKey{}, false, false
	}
	return condKey{x: v}, false, true
}

// localCell returns the local variable's cell that addr points into,
// and 1 + the field index when it points to a field of it, provided the
// cell's address is never handed out (only loaded from and stored to),
// so that only a store can change what a load gives.
func localCell(addr ssa.Value) (*ssa.Alloc, int, bool) {
	field := 0
	if fa, ok := addr.(*ssa.FieldAddr); ok {
		addr, field = fa.X, fa.Field+1
	}
	alloc, ok := addr.(*ssa.Alloc)
	if !ok || !onlyLoadedAndStored(alloc) {
		return nil, 0, false
	}
	return alloc, field, true
}

// onlyLoadedAndStored reports whether every use of addr (and of the
// addresses of its fields) loads from it or stores to it.
func onlyLoadedAndStored(addr ssa.Value) bool {
	for _, r := range referrers(addr) {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if r.Addr != addr {
				return false
			}
		case *ssa.FieldAddr:
			if !onlyLoadedAndStored(r) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

func lastIf(b *ssa.BasicBlock) (*ssa.If, bool) {
	if len(b.Instrs) == 0 {
		return nil, false
	}
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	return ifi, ok
}

// condEdge returns the bit of the condition tested at the end of b, and
// the value of its predicate on successor edge i; ok is false when the
// condition is not remembered.
func (t condTable) condEdge(b *ssa.BasicBlock, i int) (bit uint32, value, ok bool) {
	if t.index == nil {
		return 0, false, false
	}
	ifi, isIf := lastIf(b)
	if !isIf {
		return 0, false, false
	}
	k, neg, ok := condOf(ifi.Cond)
	if !ok {
		return 0, false, false
	}
	idx, ok := t.index[k]
	if !ok {
		return 0, false, false
	}
	return 1 << idx, (i == 0) != neg, true
}

// contradicts reports whether edge i of b contradicts what the path
// already knows of its condition.
func (t condTable) contradicts(b *ssa.BasicBlock, i int, s state) bool {
	bit, value, ok := t.condEdge(b, i)
	return ok && s.condKnown&bit != 0 && (s.condTrue&bit != 0) != value
}

// learn records the outcome of b's condition on edge i.
func (t condTable) learn(b *ssa.BasicBlock, i int, s state) state {
	if bit, value, ok := t.condEdge(b, i); ok {
		s.condKnown |= bit
		if value {
			s.condTrue |= bit
		} else {
			s.condTrue &^= bit
		}
	}
	return s
}

// forget clears what the path knows of the conditions on a value that
// ins defines anew, or on a cell (or a field of it) that ins stores to.
func (t condTable) forget(ins ssa.Instruction, s state) state {
	if t.defs == nil || s.condKnown == 0 {
		return s
	}
	var v ssa.Value
	switch ins := ins.(type) {
	case *ssa.Store:
		v = ins.Addr
		if fa, ok := v.(*ssa.FieldAddr); ok {
			v = fa.X
		}
	case ssa.Value:
		v = ins
	default:
		return s
	}
	for _, i := range t.defs[v] {
		s.condKnown &^= 1 << i
		s.condTrue &^= 1 << i
	}
	return s
}

// implied returns s with what the position of block b implies of the
// remembered conditions: each If edge whose target dominates b (and is
// entered by that edge only) was taken by every path to b. A fact on a
// cell holds at b unless the cell is stored to after the edge, so a
// store in a block the edge's target dominates makes it unusable.
func (t condTable) implied(b *ssa.BasicBlock, s state) state {
	if t.index == nil {
		return s
	}
	edges := dominatingEdges(b)
	for i := len(edges) - 1; i >= 0; i-- { // the nearest edge wins
		e := edges[i]
		if k, _, ok := condOf(e.ifi.Cond); ok && storedUnder(k.x, e.succ) {
			continue
		}
		s = t.learn(e.pred, slices.Index(e.pred.Succs, e.succ), s)
	}
	return s
}

// ifEdge is an edge from an If block to one of its successors.
type ifEdge struct {
	pred, succ *ssa.BasicBlock
	ifi        *ssa.If
}

// dominatingEdges returns the If edges that every path to b takes,
// nearest first: the edges into the blocks that dominate b (b itself
// included) and have a single predecessor ending in an If.
func dominatingEdges(b *ssa.BasicBlock) []ifEdge {
	var out []ifEdge
	for blk := b; blk != nil; blk = blk.Idom() {
		if len(blk.Preds) != 1 {
			continue
		}
		pred := blk.Preds[0]
		if ifi, ok := lastIf(pred); ok && pred.Succs[0] != pred.Succs[1] {
			out = append(out, ifEdge{pred, blk, ifi})
		}
	}
	return out
}

// storedUnder reports whether x is a cell stored to in a block that
// dom dominates.
func storedUnder(x ssa.Value, dom *ssa.BasicBlock) bool {
	if _, ok := x.(*ssa.Alloc); !ok {
		return false
	}
	stored := false
	var visit func(addr ssa.Value)
	visit = func(addr ssa.Value) {
		for _, r := range referrers(addr) {
			switch r := r.(type) {
			case *ssa.Store:
				stored = stored || dom.Dominates(r.Block())
			case *ssa.FieldAddr:
				visit(r)
			}
		}
	}
	visit(x)
	return stored
}
