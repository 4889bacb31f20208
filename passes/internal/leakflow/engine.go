// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"fmt"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// engine holds the per-package state of the analysis.
type engine struct {
	pass      *analysis.Pass
	model     *resource.Model
	pkg       *ssa.Package
	summaries *fixpoint[summaryKey, summary]
	owned     *fixpoint[*ssa.Function, ownedResult] // see computeOwned
	facts     *Facts                                // of other packages; nil in summaries-only use
	src       *sourceIndex
	current   check.ID            // the check being analyzed, for InternalError
	pools     *poolIndex          // nestedacquire's memo (nested.go), made on first use
	hook      func(*ssa.Function) // tests': called before each function is analyzed
}

func newEngine(pass *analysis.Pass, model *resource.Model, pkg *ssa.Package) *engine {
	e := &engine{
		pass:  pass,
		model: model,
		pkg:   pkg,
		src:   newSourceIndex(pass),
	}
	e.summaries = newFixpoint(sumNone, sumUnclear, e.computeSummary)
	e.owned = newFixpoint(ownedResult{}, ownedResult{kind: foreignValue}, e.computeOwned)
	return e
}

// isLocal reports whether fn's body is in this package, so that the
// engine can summarize it.
func (e *engine) isLocal(fn *ssa.Function) bool {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	return fn.Pkg == e.pkg && len(fn.Blocks) > 0
}

// acquisition is one call that acquires a resource.
type acquisition struct {
	call  *ssa.Call
	typ   *resource.Type
	index int // the result that holds the resource
}

// acquisitions lists the calls of fn that acquire a resource.
func (e *engine) acquisitions(fn *ssa.Function) []acquisition {
	var out []acquisition
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			if t, i := e.acquiredBy(&call.Call); t != nil {
				out = append(out, acquisition{call, t, i})
			}
		}
	}
	return out
}

// acquiredBy returns the resource type a call acquires and the index of
// the result holding it, or nil. The built-in table and the user's
// resources come first; then the functions of this package that return
// an owned resource, and the functions of other packages whose facts
// say so. A function value returning a resource, about which no fact
// can exist, is taken to return an owned one.
func (e *engine) acquiredBy(c *ssa.CallCommon) (*resource.Type, int) {
	if c.IsInvoke() {
		return e.model.AcquiredByInterface(c.Method), 0
	}
	callee := c.StaticCallee()
	if callee == nil {
		if _, isBuiltin := c.Value.(*ssa.Builtin); isBuiltin {
			return nil, 0
		}
		i, t := e.resourceResult(c.Signature())
		return t, i
	}
	obj := funcObject(callee)
	if obj != nil {
		if e.acquiresNothing(obj, c) { // sqlx's statements of a transaction: embedded.go
			return nil, 0
		}
		if t := e.model.Acquired(obj); t != nil {
			return t, 0
		}
	}
	if e.isLocal(callee) {
		if r := e.owned.value(origin(callee)); r.kind == ownedValue && !wrapsNothing(c, r) {
			return r.typ, r.index
		}
		return nil, 0
	}
	if f := e.facts.funcFact(obj); f != nil && f.Owned != "" {
		if t := e.model.Lookup(f.Owned); t != nil {
			return t, f.OwnedIndex
		}
	}
	return nil, 0
}

// analyzeFunc walks every acquisition of fn and records its leaks.
func (e *engine) analyzeFunc(fn *ssa.Function, res *Result) {
	if e.hook != nil {
		e.hook(fn)
	}
	acqs := e.acquisitions(fn)
	if len(acqs) == 0 {
		return
	}
	fi := newFuncInfo(fn)
	for _, acq := range acqs {
		if returnsFunc(acq.call.Call.Signature()) {
			// tx, cleanup, err := newTx(ctx): the function that comes
			// with the resource is, by the idiom, what releases it.
			res.Untracked = append(res.Untracked, &Untracked{
				Type:    acq.typ,
				Acquire: acq.call.Pos(),
				Callee:  e.src.callText(acq.call.Pos()),
				Reason:  "returned together with a function, which is taken to release it",
			})
			continue
		}
		e.current = acq.typ.Check
		w := e.walkAcquisition(fn, fi, acq)
		e.record(fn, acq, w, res)
		e.current = check.DeferLoop
		e.deferLoops(fn, fi, acq, w.a, res)
	}
}

// walkAcquisition walks the function from one acquisition.
func (e *engine) walkAcquisition(fn *ssa.Function, fi *funcInfo, acq acquisition) *walker {
	a := newAliases(acq.typ)
	resultAliases(a, acq.call, acq.index)
	w := &walker{e: e, fn: fn, fi: fi, a: a, acq: acq.call, scope: e.txOf(acq)}
	e.prepareLoopExits(w, fn, acq.call)
	b := acq.call.Block()
	init := e.initialState(fi.defers, acq.call, a)
	init.txEnds = w.scope.tx != nil && e.txEndDeferredBefore(fi.defers, acq.call, w.scope.tx)
	init = fi.conds.implied(b, init)
	w.walk(b, slices.Index(b.Instrs, ssa.Instruction(acq.call))+1, init)
	if !hasUses(acq.call, acq.index) {
		// Discarded: every return it reaches held is a leak of the
		// discarded resource (the error branch is still pruned).
		for i := range w.out.leaks {
			if w.out.leaks[i].kind == Return {
				w.out.leaks[i].kind = Discard
			}
		}
	}
	return w
}

// resultAliases seeds the aliases of an acquisition: the call, or the
// components of its result tuple (the resource first, the error last).
func resultAliases(a *aliases, call *ssa.Call, index int) {
	tuple, ok := call.Type().(*types.Tuple)
	if !ok {
		a.addValue(call)
		return
	}
	a.vals[call] = true
	a.addExtract(call, index)
	last := tuple.Len() - 1
	if last > 0 && types.Identical(tuple.At(last).Type(), errorType) {
		if refs := call.Referrers(); refs != nil {
			for _, r := range *refs {
				if ex, ok := r.(*ssa.Extract); ok && ex.Index == last {
					a.addErr(ex)
				}
			}
		}
	}
}

// hasUses reports whether the resource result of call is used at all.
// go/ssa extracts a component assigned to the blank identifier too, so
// an extract counts only if it has uses of its own.
func hasUses(call *ssa.Call, index int) bool {
	refs := call.Referrers()
	if refs == nil {
		return false
	}
	if _, ok := call.Type().(*types.Tuple); !ok {
		return len(*refs) > 0
	}
	for _, r := range *refs {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == index {
			if exRefs := ex.Referrers(); exRefs != nil && len(*exRefs) > 0 {
				return true
			}
		}
	}
	return false
}

// initialState is the state right after the acquisition. A cleanup
// closure deferred before it, that releases the variable the resource
// is then stored into (var tx pgx.Tx; defer func() { if tx != nil {
// tx.Rollback(ctx) } }()), already covers it.
func (e *engine) initialState(defers []deferSite, call *ssa.Call, a *aliases) state {
	if len(a.cells) == 0 {
		return state{}
	}
	for _, d := range defers {
		if before(d.Block(), d.index, call) && e.callEffect(a, &d.Call, true).kind == effDeferCell {
			return state{deferred: true}
		}
	}
	return state{}
}

// before reports whether instruction i of block b runs before call on
// every path to call.
func before(b *ssa.BasicBlock, i int, call *ssa.Call) bool {
	cb := call.Block()
	if b == cb {
		return i < slices.Index(cb.Instrs, ssa.Instruction(call))
	}
	return b.Dominates(cb)
}

// record turns the leaks of one walk into findings, one per kind of
// exit, and remembers why an acquisition stopped being tracked.
func (e *engine) record(fn *ssa.Function, acq acquisition, w *walker, res *Result) {
	type group struct {
		kind   ExitKind
		strict bool
	}
	var leaks []leak
	if w.out.iterated {
		leaks = e.loopExits(w, acq.call)
	}
	// A return reached after going around the loop is explained by
	// the loop's finding; keep it only if there is no such finding.
	hasLoop := len(leaks) > 0
	leaks = append(leaks, w.out.leaks...)
	byGroup := make(map[group][]leak)
	for _, l := range leaks {
		if l.looped && hasLoop {
			continue
		}
		g := group{l.kind, l.strict}
		byGroup[g] = append(byGroup[g], l)
	}
	for _, kind := range []ExitKind{Return, Continue, Iterate, Overwrite, Discard} {
		plain, strict := byGroup[group{kind, false}], byGroup[group{kind, true}]
		switch {
		case len(strict) == 0 && len(plain) > 0:
			res.Findings = append(res.Findings, e.finding(fn, acq, kind, plain))
		case len(strict) > 0:
			if len(plain) > 0 {
				f := e.finding(fn, acq, kind, plain)
				f.Mode = DefaultMode
				res.Findings = append(res.Findings, f)
			}
			f := e.finding(fn, acq, kind, append(plain, strict...))
			f.Mode = StrictMode
			for _, l := range strict {
				f.Assumed |= l.assumed
			}
			if f.Assumed != 0 {
				f.Message += fmt.Sprintf(" (assuming %s borrows it)", f.Assumed)
			}
			res.Findings = append(res.Findings, f)
		}
	}
	if w.out.escape != "" {
		res.Untracked = append(res.Untracked, &Untracked{
			Type:    acq.typ,
			Acquire: acq.call.Pos(),
			Callee:  e.src.callText(acq.call.Pos()),
			Reason:  w.out.escape,
		})
	}
}

// returnsFunc reports whether a call of sig returns a function among its
// results.
func returnsFunc(sig *types.Signature) bool {
	for v := range sig.Results().Variables() {
		if _, ok := v.Type().Underlying().(*types.Signature); ok {
			return true
		}
	}
	return false
}
