// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package derived says which SSA values are another value under a new
// type or name. It is the step that the engine's aliases
// (leakflow/alias.go: what denotes a resource) and the escape walk
// (package escape: what holds the connection of a scoped callback) take
// in common, so that the two never disagree on what a copy is.
package derived

import (
	"iter"

	"golang.org/x/tools/go/ssa"
)

// Copies returns the values that are v itself, one step away: the phis
// v is an edge of, its conversions (ChangeType, Convert), its interface
// wrappings and conversions (MakeInterface, ChangeInterface), and what a
// type assertion of it unwraps (the assertion, or the first component
// of a comma-ok assertion's tuple). A walk that follows Copies to a
// fixed point finds every name of the value in its function, short of
// memory: the loads of a variable it is stored into are the caller's to
// follow.
func Copies(v ssa.Value) iter.Seq[ssa.Value] {
	return func(yield func(ssa.Value) bool) {
		refs := v.Referrers()
		if refs == nil {
			return
		}
		for _, r := range *refs {
			if !yieldCopy(r, yield) {
				return
			}
		}
	}
}

// yieldCopy yields what of r is a copy of its operand, and reports
// whether to go on.
func yieldCopy(r ssa.Instruction, yield func(ssa.Value) bool) bool {
	switch r := r.(type) {
	case *ssa.Phi, *ssa.ChangeType, *ssa.ChangeInterface, *ssa.MakeInterface, *ssa.Convert:
		return yield(r.(ssa.Value))
	case *ssa.TypeAssert:
		if !r.CommaOk {
			return yield(r)
		}
		for _, ex := range referrers(r) {
			if ex, ok := ex.(*ssa.Extract); ok && ex.Index == 0 && !yield(ex) {
				return false
			}
		}
	}
	return true
}

// referrers returns v's referrers, or nil.
func referrers(v ssa.Value) []ssa.Instruction {
	if refs := v.Referrers(); refs != nil {
		return *refs
	}
	return nil
}
