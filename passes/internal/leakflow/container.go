// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// A resource stored into a field of a struct that this function
// allocated (d := &Driver{conn: conn}) is not handed over by the store:
// the struct becomes its container, and the obligation moves with it.
// Returning the container, storing it elsewhere or passing it where
// ownership is unknown hands the resource over, from that instruction
// on; an exit reached while the container is still local leaks the
// resource. Loads of the container's field are the resource again.

// containerOf returns the local struct that st stores the resource
// into, and 1 + the field's index, or nil when the store hands the
// resource over: the address is not a field of a struct allocated in
// fn, or that struct was already handed out before the store.
func containerOf(fn *ssa.Function, st *ssa.Store) (*ssa.Alloc, int) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return nil, 0
	}
	alloc, ok := fa.X.(*ssa.Alloc)
	if !ok || alloc.Parent() != fn || escapedBefore(alloc, st) {
		return nil, 0
	}
	return alloc, fa.Field + 1
}

// escapedBefore reports whether alloc is used, before st on every path
// to it, otherwise than by its fields' addresses and loads: handed to a
// call, stored, captured. The walk sees such uses that come after st.
func escapedBefore(alloc *ssa.Alloc, st *ssa.Store) bool {
	for _, r := range referrers(alloc) {
		switch r := r.(type) {
		case *ssa.FieldAddr, *ssa.DebugRef:
			continue
		case *ssa.UnOp:
			if r.Op == token.MUL {
				continue
			}
		}
		if runsBefore(r, st) {
			return true
		}
	}
	return false
}

// runsBefore reports whether instruction a runs before b on every path
// to b.
func runsBefore(a, b ssa.Instruction) bool {
	if a.Block() == b.Block() {
		for _, ins := range b.Block().Instrs {
			switch ins {
			case a:
				return true
			case b:
				return false
			}
		}
	}
	return a.Block().Dominates(b.Block())
}

// addContainer makes the struct at alloc hold the resource in field
// (1 + its index): the struct and its loads denote the resource where
// ownership is concerned, and loads of that field are the resource.
func (a *aliases) addContainer(alloc *ssa.Alloc, field int) {
	if a.containers[alloc] == field {
		return
	}
	a.containers[alloc] = field
	a.addValue(alloc)
	for _, r := range referrers(alloc) {
		switch r := r.(type) {
		case *ssa.FieldAddr:
			if r.Field+1 != field {
				continue
			}
			for _, fr := range referrers(r) {
				if load, ok := fr.(*ssa.UnOp); ok && load.Op == token.MUL {
					a.addValue(load)
				}
			}
		case *ssa.UnOp:
			if r.Op == token.MUL {
				a.addValue(r) // the struct by value
				a.containers[r] = field
			}
		}
	}
}

// addParamContainer makes a parameter holding the resource in field
// (1 + its index) the container, for a summary: the parameter is a
// pointer to the struct, or the struct itself.
func (a *aliases) addParamContainer(p ssa.Value, field int) {
	a.containers[p] = field
	a.addValue(p)
	for _, r := range referrers(p) {
		switch r := r.(type) {
		case *ssa.FieldAddr: // p.f through a pointer
			if r.Field+1 != field {
				continue
			}
			for _, fr := range referrers(r) {
				if load, ok := fr.(*ssa.UnOp); ok && load.Op == token.MUL {
					a.addValue(load)
				}
			}
		case *ssa.Field: // p.f of a struct value
			if r.Field+1 == field {
				a.addValue(r)
			}
		}
	}
}
