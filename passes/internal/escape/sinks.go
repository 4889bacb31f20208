// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package escape

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// sink handles a use of the tracked value v that takes no part of it
// (tracker.part): one that keeps it (a store, a closure, append) is
// followed, or reported if what keeps it outlives the callback; one that
// hands it on (a send, a return, a goroutine) is reported.
func (tr *tracker) sink(v ssa.Value, instr ssa.Instruction) {
	switch i := instr.(type) {
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
		tr.selectSend(i, v)
	case *ssa.Return:
		tr.ret(i, v)
	case *ssa.MakeClosure:
		tr.capture(i, v)
	case *ssa.Go:
		if i.Call.Value == v || slices.Contains(i.Call.Args, v) {
			tr.goroutine(i, i.Pos(), v)
		}
	case *ssa.Call:
		tr.call(i, v)
	}
}

// selectSend reports the send cases of a select that send v.
func (tr *tracker) selectSend(i *ssa.Select, v ssa.Value) {
	for _, st := range i.States {
		if st.Dir == types.SendOnly && st.Send == v {
			tr.escape(st.Pos, v, "sent on a channel")
		}
	}
}

// ret reports a return of the callback itself (not of a function
// literal in it) that returns v.
func (tr *tracker) ret(i *ssa.Return, v ssa.Value) {
	if i.Parent() == tr.cb && slices.Contains(i.Results, v) {
		tr.escape(i.Pos(), v, "returned by the callback")
	}
}

// capture tracks a closure that captures v, and the free variable that
// holds v inside the closure's function.
func (tr *tracker) capture(i *ssa.MakeClosure, v ssa.Value) {
	for k, b := range i.Bindings {
		if b != v {
			continue
		}
		tr.add(i)
		if fn, ok := i.Fn.(*ssa.Function); ok && k < len(fn.FreeVars) {
			tr.add(fn.FreeVars[k])
		}
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
	if len(args) < 2 || !slices.Contains(args[1:], v) {
		return
	}
	name := fullName(i.Call.StaticCallee())
	switch {
	case resource.StartsGoroutine(name):
		tr.goroutine(i, i.Pos(), v)
	case resource.StoresInMap(name):
		tr.storeInMap(i.Pos(), args[0])
	}
}

// store handles the store of a tracked value to addr at pos.
func (tr *tracker) store(pos token.Pos, addr ssa.Value) {
	o := tr.origin(addr)
	if !o.local {
		tr.escape(pos, addr, o.storedIn())
		return
	}
	if fa, ok := addr.(*ssa.FieldAddr); ok && fa.X == o.root {
		if _, isAlloc := o.root.(*ssa.Alloc); isAlloc {
			tr.addField(o.root, fa.Field)
			return
		}
	}
	tr.add(o.root)
}

// storeInMap handles the store of a tracked value in the map m at pos.
func (tr *tracker) storeInMap(pos token.Pos, m ssa.Value) {
	o := tr.origin(m)
	if o.local {
		tr.add(o.root)
		return
	}
	tr.escape(pos, m, o.inMap())
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
