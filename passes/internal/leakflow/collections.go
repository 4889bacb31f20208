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

// A resource appended to a slice that this function made (var stmts
// []*sql.Stmt; stmts = append(stmts, stmt)), stored at an index of one,
// or stored in a map it made (byName[name] = stmt), is not handed over:
// the collection becomes its container, as a local struct does
// (container.go). The walk then knows three more things:
//
//   - Going around the acquisition's loop is no leak: the resource of
//     the previous iteration is in the slice. The walk goes on past the
//     acquisition, where the call's results denote the next resource:
//     no branch fact about them holds for this one any more, so an
//     error return of a later iteration leaks it (s.reacquired).
//   - A loop over the collection that releases its elements (for _, s
//     := range stmts { s.Close() }) releases the resource on the paths
//     that reach the loop's head (walker.releaseHeads): the loop's exit
//     edge is not a path on which it is still held.
//   - A deferred closure that runs such a loop over the variable
//     releases it at every later exit, through the variable's cell.
//
// Returning the collection, storing it elsewhere or passing it where
// ownership is unknown hands the resource over, as for any container.

// sliceElems is the containers' mark of a slice or map that holds the
// resource as an element (struct containers are marked with 1 + a field
// index).
const sliceElems = -1

// sliceContainerOf returns the local slice that st puts the resource
// into, or nil when the store hands it over. Two stores do: one at an
// index of a slice made here (conns[i] = conn), and append's: SSA
// stores each appended value into a fresh array, which it slices and
// hands to append; the container is then append's result.
func sliceContainerOf(fn *ssa.Function, st *ssa.Store) ssa.Value {
	ia, ok := st.Addr.(*ssa.IndexAddr)
	if !ok {
		return nil
	}
	if _, isSlice := ia.X.Type().Underlying().(*types.Slice); isSlice && localSlice(fn, ia.X, nil) {
		return ia.X
	}
	arr, ok := ia.X.(*ssa.Alloc)
	if !ok || arr.Parent() != fn {
		return nil
	}
	var app *ssa.Call
	for _, r := range referrers(arr) {
		switch r := r.(type) {
		case *ssa.IndexAddr:
		case *ssa.Slice:
			app = appendOf(r)
			if app == nil {
				return nil
			}
		default:
			return nil
		}
	}
	if app == nil || !localSlice(fn, app.Call.Args[0], nil) {
		return nil
	}
	return app
}

// appendOf returns the call append(x, s...) that is the one use of s,
// or nil.
func appendOf(s *ssa.Slice) *ssa.Call {
	refs := referrers(s)
	if len(refs) != 1 {
		return nil
	}
	call, ok := refs[0].(*ssa.Call)
	if !ok || len(call.Call.Args) != 2 || call.Call.Args[1] != s {
		return nil
	}
	if b, ok := call.Call.Value.(*ssa.Builtin); !ok || b.Name() != "append" {
		return nil
	}
	return call
}

// localMap reports whether map value v was made by fn: make, a
// literal, or a load of a local variable of fn.
func localMap(fn *ssa.Function, v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.MakeMap:
		return true
	case *ssa.UnOp:
		alloc, ok := v.X.(*ssa.Alloc)
		return ok && v.Op == token.MUL && alloc.Parent() == fn
	}
	return false
}

// localSlice reports whether slice value v was made by fn: nil, make,
// append to such a slice, a slice of such a slice, a phi of such
// slices, or a load of a local variable of fn.
func localSlice(fn *ssa.Function, v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true // a loop of phis and appends
	}
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.MakeSlice:
		return true
	case *ssa.Slice:
		return localSlice(fn, v.X, seen)
	case *ssa.Call:
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" {
			return localSlice(fn, v.Call.Args[0], seen)
		}
	case *ssa.Phi:
		if seen == nil {
			seen = make(map[ssa.Value]bool)
		}
		seen[v] = true
		for _, e := range v.Edges {
			if !localSlice(fn, e, seen) {
				return false
			}
		}
		return true
	case *ssa.UnOp:
		alloc, ok := v.X.(*ssa.Alloc)
		return ok && v.Op == token.MUL && alloc.Parent() == fn
	}
	return false
}

// addSlice makes slice value v a container of the resource: v and what
// derives from it (phis, appends to it, reslicing, the local variables'
// cells it is stored into and their loads) denote the resource where
// ownership is concerned, and v's elements are the resource.
func (a *aliases) addSlice(v ssa.Value) {
	if a.containers[v] == sliceElems && a.vals[v] {
		return
	}
	a.containers[v] = sliceElems
	a.vals[v] = true
	for _, r := range referrers(v) {
		switch r := r.(type) {
		case *ssa.Phi, *ssa.Slice:
			a.addSlice(r.(ssa.Value))
		case *ssa.Call:
			if b, ok := r.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && r.Call.Args[0] == v {
				a.addSlice(r)
			}
		case *ssa.IndexAddr:
			for _, ir := range referrers(r) {
				if load, ok := ir.(*ssa.UnOp); ok && load.Op == token.MUL {
					a.addElem(load, r.Index)
				}
			}
		case *ssa.Index:
			a.addElem(r, r.Index)
		case *ssa.Lookup:
			if !r.CommaOk {
				a.addElem(r, nil)
			}
		case *ssa.Range:
			for _, rr := range referrers(r) {
				if next, ok := rr.(*ssa.Next); ok {
					a.addExtractElem(next)
				}
			}
		case *ssa.Store:
			if _, local := r.Addr.(*ssa.Alloc); local && r.Val == v && isCell(r.Addr) {
				a.addSliceCell(r.Addr)
			}
		}
	}
}

// addSliceCell adds a local variable's cell holding a container slice
// (or, in a closure's summary, the free variable bound to it).
func (a *aliases) addSliceCell(c ssa.Value) {
	if a.cells[c] {
		return
	}
	a.cells[c] = true
	a.containers[c] = sliceElems
	for _, r := range referrers(c) {
		if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL {
			a.addSlice(load)
		}
	}
}

// addExtractElem adds the value a map range's Next yields; the loop
// counts with the Next itself.
func (a *aliases) addExtractElem(next *ssa.Next) {
	for _, r := range referrers(next) {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == 2 {
			a.addElem(ex, next)
		}
	}
}

// addElem adds an element of a container slice or map, read at index i
// (nil for a map lookup).
func (a *aliases) addElem(v, i ssa.Value) {
	a.addValue(v)
	if a.elems == nil {
		a.elems = make(map[ssa.Value]ssa.Value)
	}
	a.elems[v] = i
}

// releaseHeads returns the heads of the loops over a container slice
// whose body releases the element: entering one releases the resource.
// The loop is found through the element's index: a phi of the loop's
// head (for i := range s), or that phi plus one (for _, x := range s).
func (w *walker) releaseHeads() map[*ssa.BasicBlock]bool {
	heads := make(map[*ssa.BasicBlock]bool)
	for elem, i := range w.a.elems {
		head := loopHeadOf(i)
		if head == nil {
			continue
		}
		for _, r := range referrers(elem) {
			call, ok := r.(*ssa.Call)
			if ok && head.Dominates(call.Block()) && w.e.callEffect(w.a, &call.Call, false).kind == effRelease {
				heads[head] = true
			}
		}
	}
	return heads
}

// loopHeadOf returns the head of the loop that index i counts with: the
// block of its phi, or of a map range's Next; or nil.
func loopHeadOf(i ssa.Value) *ssa.BasicBlock {
	if b, ok := i.(*ssa.BinOp); ok && b.Op == token.ADD {
		i = b.X
	}
	switch i := i.(type) {
	case *ssa.Phi:
		return i.Block()
	case *ssa.Next:
		return i.Block()
	}
	return nil
}

// mapUpdate handles a store of the resource into a map: a map made by
// the function becomes its container; any other hands it over.
func (w *walker) mapUpdate(mu *ssa.MapUpdate, s state) (state, bool) {
	if !w.a.vals[mu.Value] || w.a.vals[mu.Key] || !localMap(w.fn, mu.Map) {
		w.out.escape = "stored in a map"
		return w.handOver(s)
	}
	return w.contain(mu, mu.Map, s), true
}

// contain makes the collection c, into which ins has just put the
// resource, its container on the path in state s, and returns the new
// state: the resource is contained, and released at exit if a release
// of the collection was deferred before. The release loops over c are
// found once, when c is new to the aliases, not at every visit of ins.
func (w *walker) contain(ins ssa.Instruction, c ssa.Value, s state) state {
	if !w.a.vals[c] {
		if load, ok := c.(*ssa.UnOp); ok && load.Op == token.MUL && isCell(load.X) {
			w.a.addSliceCell(load.X) // the variable holding it, and its loads
		} else {
			w.a.addSlice(c)
		}
		w.heads = w.releaseHeads()
	}
	s.contained = true
	s.deferred = s.deferred || w.releaseDeferredBefore(ins)
	return s
}

// releaseDeferredBefore reports whether a call deferred before ins on
// every path to it releases the collection that ins has just made the
// resource's container (defer closeAll(stmts), or a deferred closure
// ranging over the variable).
func (w *walker) releaseDeferredBefore(ins ssa.Instruction) bool {
	if w.fi == nil {
		return false
	}
	for _, d := range w.fi.defers {
		if !d.inLoop && runsBefore(d.Defer, ins) {
			if eff := w.e.callEffect(w.a, &d.Call, true); eff.kind == effRelease || eff.kind == effDeferCell {
				return true
			}
		}
	}
	return false
}

// elemResource returns the resource type of the elements of a slice or
// map type, or nil.
func (e *engine) elemResource(t types.Type) *resource.Type {
	switch t := t.Underlying().(type) {
	case *types.Slice:
		return e.model.TypeOf(t.Elem())
	case *types.Map:
		return e.model.TypeOf(t.Elem())
	}
	return nil
}
