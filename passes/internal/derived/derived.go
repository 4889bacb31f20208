// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package derived says which SSA values are another value under a new
// type or name. It is the step that the engine's aliases
// (leakflow/alias.go: what denotes a resource) and the escape walk
// (package escape: what holds the connection of a scoped callback) take
// in common, so that the two never disagree on what a copy is.
package derived

import "golang.org/x/tools/go/ssa"

// Copy returns the value that the instruction r, a referrer of some
// value v, makes of v when that value is v itself under another type or
// name, and nil otherwise: a phi v is an edge of, a conversion
// (ChangeType, Convert), an interface wrapping or conversion
// (MakeInterface, ChangeInterface), or what a type assertion of v
// unwraps (the assertion, or the first component of a comma-ok
// assertion's tuple). A walk that follows Copy over the referrers of
// the values it finds, to a fixed point, finds every name of the value
// in its function short of memory: the loads of a variable it is
// stored into are the walk's own to follow.
func Copy(r ssa.Instruction) ssa.Value {
	switch r := r.(type) {
	case *ssa.Phi, *ssa.ChangeType, *ssa.ChangeInterface, *ssa.MakeInterface, *ssa.Convert:
		return r.(ssa.Value)
	case *ssa.TypeAssert:
		if !r.CommaOk {
			return r
		}
		return extract0(r)
	}
	return nil
}

// extract0 returns the first component of the tuple t, or nil if it is
// not used.
func extract0(t ssa.Value) ssa.Value {
	refs := t.Referrers()
	if refs == nil {
		return nil
	}
	for _, r := range *refs {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == 0 {
			return ex
		}
	}
	return nil
}
