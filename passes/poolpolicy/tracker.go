// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package poolpolicy

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// tracker follows the connection or transaction that a helper hands to
// one callback through the SSA values that hold it, and reports where one
// of them escapes the callback.
//
// A value is tracked whole (it is, or may contain, the resource: a
// conversion of it, a local variable holding it, a slice holding it, a
// closure capturing it) or, for a local struct variable, by field, so that
// the other fields of a struct holding the resource can be used freely.
type tracker struct {
	*escapeChecker
	cb     *ssa.Function
	h      helper
	name   string
	whole  map[ssa.Value]bool
	fields map[ssa.Value]map[int]bool
	queue  []ssa.Value
}

func newTracker(c *escapeChecker, cb *ssa.Function, h helper) *tracker {
	p := cb.Params[len(cb.Params)-1]
	tr := &tracker{
		escapeChecker: c, cb: cb, h: h, name: p.Name(),
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

// visit handles one use of the tracked value v.
func (tr *tracker) visit(v ssa.Value, instr ssa.Instruction) {
	whole := tr.whole[v]
	switch i := instr.(type) {
	case *ssa.ChangeType, *ssa.Convert, *ssa.MakeInterface, *ssa.ChangeInterface,
		*ssa.TypeAssert, *ssa.Phi, *ssa.Extract:
		if whole {
			tr.add(i.(ssa.Value))
		}
	case *ssa.Slice:
		if i.X == v && whole {
			tr.add(i)
		}
	case *ssa.Field:
		if i.X == v && whole {
			tr.add(i)
		}
	case *ssa.Index:
		if i.X == v && whole {
			tr.add(i)
		}
	case *ssa.Lookup:
		if i.X == v && whole {
			tr.add(i)
		}
	case *ssa.UnOp:
		if i.Op == token.MUL && i.X == v {
			tr.add(i) // a load: of the whole struct when fields are tracked
		}
	case *ssa.FieldAddr:
		if i.X == v && (whole || tr.fields[v][i.Field]) {
			tr.add(i)
		}
	case *ssa.IndexAddr:
		if i.X == v && whole {
			tr.add(i)
		}
	case *ssa.Store:
		if i.Val == v {
			tr.store(i.Pos(), i.Addr)
		}
	case *ssa.MapUpdate:
		if i.Key == v || i.Value == v {
			tr.storeInMap(i.Pos(), i.Map)
		}
	case *ssa.Send:
		if i.X == v {
			tr.escape(i.Pos(), v, "sent on a channel")
		}
	case *ssa.Select:
		for _, st := range i.States {
			if st.Dir == types.SendOnly && st.Send == v {
				tr.escape(st.Pos, v, "sent on a channel")
			}
		}
	case *ssa.Return:
		if i.Parent() == tr.cb && slices.Contains(i.Results, v) {
			tr.escape(i.Pos(), v, "returned by the callback")
		}
	case *ssa.MakeClosure:
		for k, b := range i.Bindings {
			if b != v {
				continue
			}
			tr.add(i)
			if fn, ok := i.Fn.(*ssa.Function); ok && k < len(fn.FreeVars) {
				tr.add(fn.FreeVars[k])
			}
		}
	case *ssa.Go:
		if i.Call.Value == v || slices.Contains(i.Call.Args, v) {
			tr.goroutine(i, i.Pos(), v)
		}
	case *ssa.Call:
		tr.call(i, v)
	}
}

// call handles a call that uses the tracked value v. Calls borrow their
// arguments, except for append, which returns them in a slice, and the
// functions that keep them: map stores and goroutine starters.
func (tr *tracker) call(i *ssa.Call, v ssa.Value) {
	args := i.Call.Args
	if b, ok := i.Call.Value.(*ssa.Builtin); ok {
		if b.Name() == "append" && slices.Contains(args, v) {
			tr.add(i)
		}
		return
	}
	name := fullName(i.Call.StaticCallee())
	switch {
	case goStarters[name] && len(args) > 1 && slices.Contains(args[1:], v):
		tr.goroutine(i, i.Pos(), v)
	case mapStores[name] && len(args) > 1 && slices.Contains(args[1:], v):
		tr.storeInMap(i.Pos(), args[0])
	}
}

// store handles the store of a tracked value to addr at pos.
func (tr *tracker) store(pos token.Pos, addr ssa.Value) {
	o := tr.origin(addr)
	if o.local {
		if fa, ok := addr.(*ssa.FieldAddr); ok && fa.X == o.root {
			if _, isAlloc := o.root.(*ssa.Alloc); isAlloc {
				tr.addField(o.root, fa.Field)
				return
			}
		}
		tr.add(o.root)
		return
	}
	var how string
	switch {
	case o.field != "" && o.target != "":
		how = "stored in field " + o.field + " of " + o.target
	case o.field != "":
		how = "stored in field " + o.field
	case o.elem && o.target != "":
		how = "stored in an element of " + o.target
	case o.elem:
		how = "stored in a slice or array element"
	case o.target != "":
		how = "assigned to " + o.target
	default:
		how = "stored through a pointer"
	}
	tr.escape(pos, addr, how)
}

// storeInMap handles the store of a tracked value in the map m at pos.
func (tr *tracker) storeInMap(pos token.Pos, m ssa.Value) {
	o := tr.origin(m)
	if o.local {
		tr.add(o.root)
		return
	}
	how := "stored in a map"
	switch {
	case o.field != "" && o.target != "":
		how += " in field " + o.field + " of " + o.target
	case o.field != "":
		how += " in field " + o.field
	case o.target != "":
		how += " held by " + o.target
	}
	tr.escape(pos, m, how)
}

// goroutine handles a goroutine, started at instr, that uses a tracked
// value: it escapes unless the function that starts it joins it.
func (tr *tracker) goroutine(instr ssa.Instruction, pos token.Pos, v ssa.Value) {
	if joined(instr) {
		return
	}
	tr.escape(pos, v, "captured by a goroutine that is not joined before the callback returns")
}

// escape reports an escape described by how at pos, or at the position of
// v or of the callback when pos is unknown.
func (tr *tracker) escape(pos token.Pos, v ssa.Value, how string) {
	if !pos.IsValid() && v != nil {
		pos = v.Pos()
	}
	if !pos.IsValid() {
		pos = tr.cb.Pos()
	}
	tr.report(pos, tr.describe(how))
}
