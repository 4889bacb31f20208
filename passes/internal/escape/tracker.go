// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package escape

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/derived"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// tracker follows the connection or transaction that a helper hands to
// one callback through the SSA values that hold it, and reports where one
// of them escapes the callback (sinks.go).
//
// A value is tracked whole (it is, or may contain, the resource: a copy
// of it, a local variable holding it, a slice holding it, a closure
// capturing it) or, for a local struct variable, by field, so that the
// other fields of a struct holding the resource can be used freely.
type tracker struct {
	*checker
	cb     *ssa.Function
	h      resource.ScopedHelper
	name   string
	whole  map[ssa.Value]bool
	fields map[ssa.Value]map[int]bool
	queue  []ssa.Value
}

func newTracker(c *checker, cb callback) *tracker {
	p := cb.fn.Params[len(cb.fn.Params)-1]
	tr := &tracker{
		checker: c, cb: cb.fn, h: cb.h, name: p.Name(),
		whole:  make(map[ssa.Value]bool),
		fields: make(map[ssa.Value]map[int]bool),
	}
	tr.add(p)
	return tr
}

// add tracks v whole.
func (tr *tracker) add(v ssa.Value) {
	if v == nil || tr.whole[v] || !mayHold(v.Type()) {
		return
	}
	tr.whole[v] = true
	tr.queue = append(tr.queue, v)
}

// mayHold reports whether a value of type t can hold a pointer, and so
// the callback's connection or transaction.
func mayHold(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Kind() == types.UnsafePointer
	}
	return true
}

// addField tracks field i of the local struct variable a.
func (tr *tracker) addField(a ssa.Value, i int) {
	if tr.whole[a] || tr.fields[a][i] {
		return
	}
	if tr.fields[a] == nil {
		tr.fields[a] = make(map[int]bool)
	}
	tr.fields[a][i] = true
	tr.queue = append(tr.queue, a)
}

// run follows the tracked values to a fixed point.
func (tr *tracker) run() {
	for len(tr.queue) > 0 {
		v := tr.queue[len(tr.queue)-1]
		tr.queue = tr.queue[:len(tr.queue)-1]
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, instr := range *refs {
			tr.visit(v, instr)
		}
	}
}

// within reports whether fn is the callback or a function literal nested
// in it.
func (tr *tracker) within(fn *ssa.Function) bool {
	for ; fn != nil; fn = fn.Parent() {
		if fn == tr.cb {
			return true
		}
	}
	return false
}

// visit handles one use of the tracked value v: a value that derives
// from it is tracked in turn (a copy, when v is tracked whole, or a
// part); any other use may let it escape (sinks.go).
func (tr *tracker) visit(v ssa.Value, instr ssa.Instruction) {
	if c := derived.Copy(instr); c != nil {
		if tr.whole[v] {
			tr.add(c)
		}
		return
	}
	if p := tr.part(v, instr); p != nil {
		tr.add(p)
		return
	}
	tr.sink(v, instr)
}

// part returns the value that instr, a use of the tracked value v, takes
// out of v and that may hold what v holds: a load through v (of the
// whole struct when only fields of it are tracked), the address of a
// tracked field, or a part of a value tracked whole. It returns nil
// when instr takes nothing of v that holds the resource.
func (tr *tracker) part(v ssa.Value, instr ssa.Instruction) ssa.Value {
	switch i := instr.(type) {
	case *ssa.UnOp:
		if i.Op == token.MUL && i.X == v {
			return i
		}
		return nil
	case *ssa.FieldAddr:
		if i.X == v && (tr.whole[v] || tr.fields[v][i.Field]) {
			return i
		}
		return nil
	}
	if x, ok := operand(instr); ok && x == v && tr.whole[v] {
		return instr.(ssa.Value)
	}
	return nil
}

// operand returns the value that instr takes a part of, when instr is
// such a selection: a slice, field, element, map entry, element address
// or tuple component.
func operand(instr ssa.Instruction) (ssa.Value, bool) {
	switch i := instr.(type) {
	case *ssa.Slice:
		return i.X, true
	case *ssa.Field:
		return i.X, true
	case *ssa.Index:
		return i.X, true
	case *ssa.Lookup:
		return i.X, true
	case *ssa.IndexAddr:
		return i.X, true
	case *ssa.Extract:
		return i.Tuple, true
	}
	return nil, false
}
