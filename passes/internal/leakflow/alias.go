// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/derived"
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
	// errPhis are the phis that may merge the paired error with other
	// values (one acquisition per arm, one check after the join).
	// Whether such a phi denotes the error depends on the edge the
	// path entered its block by, so it is a bit of the walk's state
	// (state.errPhis), indexed by this map; see errPhiBits.
	errPhis map[*ssa.Phi]uint
	// containers are the local structs holding the resource in a field,
	// with 1 + the field's index (see container.go), and the local
	// slices holding it as an element, with sliceElems (collections.go).
	containers map[ssa.Value]int
	// elems are the elements read from container slices, with the
	// index each is read at; nil when there is no container slice.
	elems map[ssa.Value]ssa.Value
	// condErrs are the error results of calls that keep or release the
	// resource where they are nil (see conditional.go).
	condErrs map[ssa.Value]bool
}

func newAliases(typ *resource.Type) *aliases {
	return &aliases{
		typ:   typ,
		vals:  make(map[ssa.Value]bool),
		cells: make(map[ssa.Value]bool),
		errs:  make(map[ssa.Value]bool),

		errCells: make(map[ssa.Value]bool),
		errPhis:  make(map[*ssa.Phi]uint),

		containers: make(map[ssa.Value]int),
		condErrs:   make(map[ssa.Value]bool),
	}
}

// addValue adds v and everything derived from it: its copies (Phi
// edges, conversions, type assertions: package derived, which the
// escape check's walk shares), its handle, and the heap cells it is
// stored into, whose loads are aliases in turn.
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
		if c := derived.Copy(r); c != nil {
			a.addValue(c)
			continue
		}
		switch r := r.(type) {
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
		case *ssa.UnOp:
			// *rows, a copy of the struct a resource points to, holds
			// what it holds: &Wrapper{Rows: *rows} moves sqlx's rows
			// into the wrapper.
			if r.Op == token.MUL && r.X == v && !isCell(v) {
				if _, ok := r.Type().Underlying().(*types.Struct); ok {
					a.addValue(r)
				}
			}
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
		switch r := r.(type) {
		case *ssa.Store:
			if r.Val == v && isCell(r.Addr) {
				a.addErrCell(r.Addr)
			}
		case *ssa.Phi:
			a.addErrPhi(r)
		}
	}
}

// addErrCell adds a cell the paired error is stored into; phis of its
// loads may denote the error too.
func (a *aliases) addErrCell(c ssa.Value) {
	if a.errCells[c] {
		return
	}
	a.errCells[c] = true
	for _, r := range referrers(c) {
		if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL {
			for _, lr := range referrers(load) {
				if phi, ok := lr.(*ssa.Phi); ok {
					a.addErrPhi(phi)
				}
			}
		}
	}
}

// maxErrPhis bounds the phis followed per acquisition (a bit each in
// the state); a phi beyond it is never taken to denote the error,
// which only makes the walk follow more edges.
const maxErrPhis = 32

// addErrPhi adds a phi that has the paired error among its edges, and
// the phis it flows into in turn.
func (a *aliases) addErrPhi(phi *ssa.Phi) {
	if _, ok := a.errPhis[phi]; ok || len(a.errPhis) == maxErrPhis {
		return
	}
	a.errPhis[phi] = uint(len(a.errPhis))
	for _, r := range referrers(phi) {
		if next, ok := r.(*ssa.Phi); ok {
			a.addErrPhi(next)
		}
	}
}

// referrers returns v's referrers, or nil.
func referrers(v ssa.Value) []ssa.Instruction {
	if refs := v.Referrers(); refs != nil {
		return *refs
	}
	return nil
}

// isErr reports whether v denotes the paired error on a path in state
// s: the error itself, a load of a cell that still holds it, or a phi
// that took it (or such a load or phi) on the edge the path came by.
func (a *aliases) isErr(v ssa.Value, s state) bool {
	if a.errs[v] {
		return true
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		return !s.errStale && v.Op == token.MUL && a.errCells[v.X]
	case *ssa.Phi:
		i, ok := a.errPhis[v]
		return ok && s.errPhis&(1<<i) != 0
	}
	return false
}

// errPhiBits returns the state's errPhis after entering block succ by
// its predecessor edge j: each phi of succ that the error flows into
// denotes the error from now on exactly when its j'th edge does. The
// phis of a block are evaluated together, in the state before the
// edge, as Go's parallel assignment of phis requires.
func (a *aliases) errPhiBits(succ *ssa.BasicBlock, j int, s state) uint32 {
	bits := s.errPhis
	for _, ins := range succ.Instrs {
		phi, ok := ins.(*ssa.Phi)
		if !ok {
			break
		}
		i, ok := a.errPhis[phi]
		if !ok {
			continue
		}
		if a.isErr(phi.Edges[j], s) {
			bits |= 1 << i
		} else {
			bits &^= 1 << i
		}
	}
	return bits
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
