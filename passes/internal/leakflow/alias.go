// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// aliases is what denotes one resource inside one function.
type aliases struct {
	typ   *resource.Type
	vals  map[ssa.Value]bool // values that are the resource
	cells map[ssa.Value]bool // pointers to heap cells holding it (Alloc, FreeVar)
	errs  map[ssa.Value]bool // values that are its paired error
}

func newAliases(typ *resource.Type) *aliases {
	return &aliases{
		typ:   typ,
		vals:  make(map[ssa.Value]bool),
		cells: make(map[ssa.Value]bool),
		errs:  make(map[ssa.Value]bool),
	}
}

// addValue adds v and everything derived from it: conversions, Phi
// edges, type assertions, and the heap cells it is stored into, whose
// loads are aliases in turn.
func (a *aliases) addValue(v ssa.Value) {
	if a.vals[v] {
		return
	}
	a.vals[v] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Phi:
			a.addValue(r)
		case *ssa.ChangeType:
			a.addValue(r)
		case *ssa.ChangeInterface:
			a.addValue(r)
		case *ssa.MakeInterface:
			a.addValue(r)
		case *ssa.Convert:
			a.addValue(r)
		case *ssa.TypeAssert:
			if !r.CommaOk {
				a.addValue(r)
			} else {
				a.addExtract(r, 0)
			}
		case *ssa.Store:
			if r.Val == v && isCell(r.Addr) {
				a.addCell(r.Addr)
			}
		}
	}
}

// addExtract adds the component i of the tuple t.
func (a *aliases) addExtract(t ssa.Value, i int) {
	if refs := t.Referrers(); refs != nil {
		for _, r := range *refs {
			if ex, ok := r.(*ssa.Extract); ok && ex.Index == i {
				a.addValue(ex)
			}
		}
	}
}

// addCell adds a heap cell holding the resource; its loads are aliases.
func (a *aliases) addCell(c ssa.Value) {
	if a.cells[c] {
		return
	}
	a.cells[c] = true
	if refs := c.Referrers(); refs != nil {
		for _, r := range *refs {
			if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL {
				a.addValue(load)
			}
		}
	}
}

// addErr adds the paired error value, and the loads of cells it is
// stored into (a named result captured by a deferred closure). This is
// flow-insensitive: a later error stored into the same cell is taken
// for this one, which can only hide a leak, never invent one.
func (a *aliases) addErr(v ssa.Value) {
	if a.errs[v] {
		return
	}
	a.errs[v] = true
	if refs := v.Referrers(); refs != nil {
		for _, r := range *refs {
			if st, ok := r.(*ssa.Store); ok && st.Val == v && isCell(st.Addr) {
				if crefs := st.Addr.Referrers(); crefs != nil {
					for _, cr := range *crefs {
						if load, ok := cr.(*ssa.UnOp); ok && load.Op == token.MUL {
							a.errs[load] = true
						}
					}
				}
			}
		}
	}
}

// isCell reports whether addr is a local variable's cell: an Alloc, or
// a free variable of a closure (which points to the enclosing Alloc).
func isCell(addr ssa.Value) bool {
	switch addr.(type) {
	case *ssa.Alloc, *ssa.FreeVar:
		_, isPtr := addr.Type().Underlying().(*types.Pointer)
		return isPtr
	}
	return false
}

// holds reports whether v is the resource or a cell holding it.
func (a *aliases) holds(v ssa.Value) bool {
	return a.vals[v] || a.cells[v]
}
