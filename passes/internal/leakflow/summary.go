// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// A summary says what a function of this package, or a closure, does
// with one of its parameters or free variables holding a resource.
type summary uint8

const (
	sumNone     summary = iota // no normal exit: bottom, the start of a recursion
	sumReleases                // releases it on every normal exit
	sumBorrows                 // uses it and leaves it held on every exit
	sumPartial                 // releases it on some exits only
	sumUnclear                 // hands it over: unknown
	// Conditional on the function's error result (conditional.go):
	sumTakesOnSuccess    // hands it over where the error is nil, leaves it held where not
	sumReleasesOnSuccess // releases it where the error is nil, leaves it held where not
)

type summaryKey struct {
	typ  *resource.Type
	fn   *ssa.Function
	slot int  // parameter index, or -1-k for free variable k
	cell bool // the slot points to a cell holding the resource
	// field: the slot is a struct holding the resource in field
	// field-1 (see container.go), or a slice holding it (sliceElems,
	// see collections.go); 0 for the resource itself.
	field int
}

// summaryEffect is the effect, at a call site, of passing the resource
// to slot of fn. A deferred closure that releases on some path only is
// trusted, since such closures are the commit-or-rollback idiom; a
// direct call is not.
func (e *engine) summaryEffect(k summaryKey, deferred bool) effect {
	fn := k.fn
	switch e.summaries.value(k) {
	case sumNone:
		return effect{kind: effNotHeld}
	case sumReleases:
		return effect{kind: effRelease}
	case sumBorrows:
		return effect{}
	case sumPartial:
		if deferred {
			return effect{kind: effRelease}
		}
		return effect{kind: effEscape, reason: "released by " + calleeName(fn) + " on some paths only"}
	case sumTakesOnSuccess, sumReleasesOnSuccess:
		if deferred {
			return effect{kind: effRelease}
		}
		return effect{kind: effOnSuccess, reason: "kept by " + calleeName(fn) + " when it succeeds"}
	}
	return effect{kind: effEscape, reason: "passed to " + calleeName(fn) + ", which hands it on"}
}

// computeSummary computes a summary by walking fn from its entry with
// the slot as the held resource. Summaries are memoized per package by
// a fixpoint, so that (mutually) recursive functions get one too.
func (e *engine) computeSummary(k summaryKey) summary {
	fn := k.fn
	if len(fn.Blocks) == 0 {
		return sumUnclear
	}
	var root ssa.Value
	switch {
	case k.slot >= 0 && k.slot < len(fn.Params):
		root = fn.Params[k.slot]
	case k.slot < 0 && -1-k.slot < len(fn.FreeVars):
		root = fn.FreeVars[-1-k.slot]
	default:
		return sumUnclear
	}
	a := newAliases(k.typ)
	var init state
	switch {
	case k.cell && k.field == sliceElems:
		a.addSliceCell(root)
		init.contained = true
	case k.cell:
		a.addCell(root)
	case k.field == sliceElems:
		a.addSlice(root)
		init.contained = true
	case k.field > 0:
		a.addParamContainer(root, k.field)
	default:
		a.addValue(root)
	}
	w := &walker{e: e, fn: fn, a: a}
	if init.contained {
		w.heads = w.releaseHeads()
	}
	w.walk(fn.Blocks[0], 0, init)
	out := w.out
	switch {
	case out.escape != "" || out.returned:
		return conditional(&out)
	case len(out.leaks) == 0 && out.released:
		return sumReleases
	case len(out.leaks) > 0:
		if c := conditional(&out); c != sumUnclear {
			return c
		}
		if !out.released {
			return sumBorrows
		}
		return sumPartial
	}
	return sumNone // every path panics, or recurses
}
