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
	// errCells are the cells the paired error is stored into (a named
	// result, a captured err). Their loads denote the error only while
	// the cell still holds it: see state.errStale.
	errCells map[ssa.Value]bool
}

func newAliases(typ *resource.Type) *aliases {
	return &aliases{
		typ:   typ,
		vals:  make(map[ssa.Value]bool),
		cells: make(map[ssa.Value]bool),
		errs:  make(map[ssa.Value]bool),

		errCells: make(map[ssa.Value]bool),
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
		case *ssa.Call:
			// The resource's handle (conn.PgConn()) releases it too.
			if r.Call.IsInvoke() || len(r.Call.Args) == 0 || r.Call.Args[0] != v {
				break
			}
			if callee := r.Call.StaticCallee(); callee != nil && callee.Signature.Recv() != nil && a.typ.IsHandle(callee.Name()) {
				a.addValue(r)
			}
		case *ssa.FieldAddr:
			// sqlx: rows.Close() is (*sql.Rows).Close on the embedded field (embedded.go).
			a.addEmbedded(v, r)
		case *ssa.Store:
			// Only a local variable's own cell keeps the resource in
			// this function; a store to a free variable hands it to
			// the enclosing function.
			if _, local := r.Addr.(*ssa.Alloc); local && r.Val == v && isCell(r.Addr) {
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

// addErr adds the paired error value, and the cells it is stored into
// (a named result or an err captured by a closure).
func (a *aliases) addErr(v ssa.Value) {
	a.errs[v] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != v || !isCell(st.Addr) {
			continue
		}
		a.errCells[st.Addr] = true
	}
}

// isErr reports whether v is the paired error, given whether the error
// cells have gone stale on the current path.
func (a *aliases) isErr(v ssa.Value, stale bool) bool {
	if a.errs[v] {
		return true
	}
	load, ok := v.(*ssa.UnOp)
	return ok && !stale && load.Op == token.MUL && a.errCells[load.X]
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
