// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/ssabuild"
)

// state is what the walk knows of the resource at a program point.
// Every other situation (released, handed over, never acquired) ends
// the path, so the state stays tiny and the walk linear.
type state struct {
	deferred bool // a deferred closure releases the content of the resource's cell at exit
	looped   bool // the path went around the loop holding the acquisition
	errStale bool // the error variable's cell no longer holds the acquisition's error
	// contained: the resource is held in a local slice or map (collections.go);
	// reacquired: the path went past the acquisition again since, so
	// the call's results denote a later resource, not this one.
	contained, reacquired bool
	strict                bool // the resource went to a callee the engine cannot see into (strict mode only)
	// assumed are the kinds of callees the engine cannot see into that
	// the path assumed to borrow the resource.
	assumed Unseen
	// txEnds: the transaction the resource was queried on is ended on
	// this path, or its end is deferred (see txscope.go); txUsed: it was
	// used again while the resource was held.
	txEnds, txUsed bool
	// condKnown and condTrue: what the path learnt of the conditions
	// that several Ifs test (see conds.go), a bit each.
	condKnown, condTrue uint32
	// errPhis has a bit for each phi of aliases.errPhis that denotes
	// the paired error on this path (it took the error's edge).
	errPhis uint32
	// gone: in a summary, the resource was handed over on this path;
	// the walk goes on only to see whether the exit reports an error.
	gone bool
	// failed is the call that keeps the resource where it succeeds,
	// when the path goes on as if it failed (see conditional.go).
	failed token.Pos
	// brk is the break statement by which the path last left a loop
	// while holding the resource, to name it in the message.
	brk token.Pos
}

// node is a memo key: each (block, state) is walked at most once.
type node struct {
	b *ssa.BasicBlock
	s state
}

// leak is one leaking exit found by a walk.
type leak struct {
	kind   ExitKind
	looped bool // found after going around the acquisition's loop: the loop leak explains it
	strict bool // found after a call the engine cannot see into: strict mode only
	// contained: the resource was held in a local slice or map (collections.go).
	contained bool
	pos       token.Pos // the return, or the overwriting store
	via       token.Pos // the break statement the path took out of a loop, if any
	failed    token.Pos // the call whose failure left the resource held, if any
	assumed   Unseen    // the kinds of callees assumed to borrow it on the path
}

// outcome summarizes one walk.
type outcome struct {
	leaks    []leak
	iterated bool   // some path reached the acquisition again while holding it
	released bool   // some path released the resource
	returned bool   // some path returned it to the caller
	escape   string // why ownership became unclear on some path, if it did

	// For summaries, the exits classified by the function's error
	// result (conditional.go).
	handedOver      bool // some path returned or handed over the resource
	handoverMayFail bool // on some such path the error is not known nil
	leakMaySucceed  bool // on some path leaving it held the error is not known non-nil
	drained         bool // some path ended where Next returned false, which released it
}

// walker walks the CFG of one function for one resource.
type walker struct {
	e    *engine
	fn   *ssa.Function
	fi   *funcInfo // nil for a summary
	a    *aliases
	acq  ssa.Instruction // the acquiring call, or nil for a summary
	out  outcome
	seen map[node]bool
	// visits counts the states each block was entered with; past
	// maxStatesPerBlock the walk widens the state (see walk).
	visits []uint8

	// loopTargets are the blocks whose entry ends an iteration of the
	// loop holding the acquisition (see prepareLoopExits); loopEdges
	// records the nodes that entered one of them.
	loopTargets map[*ssa.BasicBlock]bool
	loopEdges   []loopEdge
	header      *ssa.BasicBlock

	initDeferred bool // a release was deferred before the acquisition

	// scope is the transaction whose end ends the resource, if any
	// (see txscope.go).
	scope txScope
	// heads are the heads of the loops that release the elements of a
	// container slice holding the resource (collections.go).
	heads map[*ssa.BasicBlock]bool

	// skip is a defer statement the walk takes to release nothing:
	// deferloop asks what is held when the next iteration starts.
	skip ssa.Instruction

	// visit, if set, sees each instruction reached while the resource
	// is held (nestedacquire: nested.go).
	visit func(ssa.Instruction, state)
}

// loopEdge is a way an iteration ended: the node that ended it and the
// index of the successor it took (-1 when the node itself ended it).
type loopEdge struct {
	from   node
	succ   int
	strict bool // the path went through a callee the engine cannot see into
}

// maxStatesPerBlock bounds the distinct states a block is walked in
// before the walk stops telling error phis apart there.
const maxStatesPerBlock = 8

type workItem struct {
	n     node
	start int // index of the first instruction to process
}

// walk explores the function from instruction start of block b, in
// the initial state init.
func (w *walker) walk(b *ssa.BasicBlock, start int, init state) {
	w.seen = make(map[node]bool)
	w.visits = make([]uint8, len(w.fn.Blocks))
	w.initDeferred = init.deferred
	queue := []workItem{{node{b, init}, start}}
	for len(queue) > 0 {
		it := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		s, ok := w.block(it)
		if !ok {
			continue
		}
		for i, succ := range it.n.b.Succs {
			if w.pruned(it.n.b, i, s) {
				continue
			}
			// Only the first time around: later iterations reach the
			// same exits with the same resource, already named.
			if !s.looped && w.loopTargets[succ] && it.n.b != succ && succ.Dominates(it.n.b) == w.isHeader(succ) {
				w.loopEdges = append(w.loopEdges, loopEdge{it.n, i, s.strict})
			}
			next := node{succ, w.edgeState(it.n.b, succ, i, s)}
			if w.visits[succ.Index] >= maxStatesPerBlock {
				// Widen: forget which phis denote the error, so that
				// the states of a block stay few and the walk linear.
				next.s.errPhis = 0
				next.s.condKnown, next.s.condTrue = 0, 0
			}
			if w.seen[next] {
				continue
			}
			w.seen[next] = true
			if w.visits[succ.Index] < maxStatesPerBlock {
				w.visits[succ.Index]++
			}
			queue = append(queue, workItem{next, 0})
		}
	}
}

// block processes the instructions of one block and reports the state
// at its end, or false if the path ended inside it.
func (w *walker) block(it workItem) (state, bool) {
	s := it.n.s
	if it.start == 0 && s.contained && w.heads[it.n.b] {
		w.out.released = true // a loop releasing the slice's elements
		return s, false
	}
	for _, ins := range it.n.b.Instrs[it.start:] {
		if ins == w.acq && s.contained {
			// The resource is in the slice: the next one is acquired
			// beside it (see collections.go).
			s.reacquired = true
			continue
		}
		if ins == w.acq {
			// The acquisition is reached again: a loop iterates
			// while the resource from the previous iteration is
			// held. The exits are named by loopExits, from the
			// blocks the walk saw.
			// A release deferred in this very loop is deferloop's
			// finding; one deferred before the loop is undone by the
			// next iteration overwriting its variable.
			if (!s.deferred || w.initDeferred) && !w.scope.savepoint {
				w.out.iterated = true
			}
			return s, false
		}
		if ret, ok := ins.(*ssa.Return); ok && w.acq != nil && continuesYield(w.fn, ret) {
			// The body of a range-over-func loop returns true to
			// ask for the next iteration.
			if (!s.deferred || w.initDeferred) && !s.looped && !w.scope.savepoint {
				w.out.iterated = true
				w.loopEdges = append(w.loopEdges, loopEdge{it.n, -1, s.strict})
			}
			return s, false
		}
		if w.fi != nil {
			s = w.fi.conds.forget(ins, s)
		}
		if w.visit != nil {
			w.visit(ins, s)
		}
		next, ok := w.step(ins, s)
		if !ok {
			return s, false
		}
		s = next
	}
	return s, true
}

// step applies one instruction. It returns the new state, or false if
// the path ends here.
func (w *walker) step(ins ssa.Instruction, s state) (state, bool) {
	switch ins := ins.(type) {
	case *ssa.Return:
		w.exit(ins, s)
		return s, false
	case *ssa.Panic:
		return s, false
	case *ssa.Call:
		if ins.Call.IsInvoke() && ssabuild.IsNoReturnFunc(ins.Call.Method) {
			return s, false // t.Fatal through testing.TB
		}
	case *ssa.Store:
		if s.gone {
			return s, true
		}
		return w.store(ins, s)
	case *ssa.MapUpdate:
		if s.gone || !w.a.vals[ins.Value] && !w.a.vals[ins.Key] {
			break
		}
		return w.mapUpdate(ins, s)
	}
	if s.gone || ins == w.skip {
		return s, true
	}
	if w.scope.tx != nil {
		s = w.txStep(ins, s)
	}
	return w.apply(ins, w.e.effect(w.a, ins), s)
}

// exit records what a return does with the resource held in state s:
// hands it over (it is returned, or was handed over before), or leaks
// it unless a deferred release runs.
func (w *walker) exit(ret *ssa.Return, s state) {
	if s.gone {
		w.noteHandover(ret)
		return
	}
	for _, r := range ret.Results {
		if w.a.vals[r] {
			w.out.returned = true
			w.noteHandover(ret)
			return
		}
	}
	if w.acq == nil && returnedErr(w.fn, ret) != errNonNil {
		w.out.leakMaySucceed = true
	}
	if s.deferred {
		return
	}
	// Closed by the transaction's end: hygiene, strict mode only.
	closedByTx := s.txEnds && (!s.txUsed || w.scope.savepoint) || w.scope.parentOwned
	w.out.leaks = append(w.out.leaks, leak{kind: Return, pos: w.returnPos(ret), looped: s.looped, strict: s.strict || closedByTx,
		via: s.brk, failed: s.failed, assumed: s.assumed, contained: s.contained})
}

// apply applies the effect eff of instruction ins to state s. It returns
// the new state, or false if the path ends here.
func (w *walker) apply(ins ssa.Instruction, eff effect, s state) (state, bool) {
	switch eff.kind {
	case effRelease:
		w.out.released = true
		return s, false
	case effDeferCell:
		w.out.released = true
		s.deferred = true
		return s, true
	case effEscape:
		w.out.escape = eff.reason
		if eff.unknown != 0 && w.acq != nil {
			// Assume the callee borrows it; leaks found from here on
			// are reported by the checks' strict mode only, unless the
			// default mode makes the same assumption of such callees.
			s.assumed |= eff.unknown
			if eff.unknown&^borrowDefaults != 0 {
				s.strict = true
			}
			return s, true
		}
		return w.handOver(s)
	case effOnSuccess:
		call, _ := ins.(*ssa.Call)
		errV := (ssa.Value)(nil)
		if call != nil {
			errV = callError(call)
		}
		if errV == nil {
			w.out.escape = eff.reason
			return w.handOver(s)
		}
		// Where the call's error is nil the resource is gone (see
		// nothingHeld); the walk goes on along the failing path.
		w.a.condErrs[errV] = true
		s.failed = ins.Pos()
		return s, true
	case effNotHeld:
		return s, false
	}
	return s, true
}

// store handles a store. The resource stored anywhere but in a local
// variable's cell is handed over. The cell of the paired error going
// stale ends the branch facts on it. The cell holding the resource
// being overwritten loses it: whatever a deferred closure releases
// through that cell at exit, it is not this resource.
func (w *walker) store(st *ssa.Store, s state) (state, bool) {
	if w.a.vals[st.Val] {
		if w.a.cells[st.Addr] {
			return s, true
		}
		if alloc, field := containerOf(w.fn, st); alloc != nil {
			w.a.addContainer(alloc, field)
			return s, true
		}
		if sl := sliceContainerOf(w.fn, st); sl != nil {
			return w.contain(st, sl, s), true
		}
		w.out.escape = "stored in a field, global, container or outer variable"
		return w.handOver(s)
	}
	if w.a.errCells[st.Addr] {
		s.errStale = !w.a.errs[st.Val]
		return s, true
	}
	if !w.a.cells[st.Addr] {
		return s, true
	}
	w.out.leaks = append(w.out.leaks, leak{kind: Overwrite, pos: storePos(st), looped: s.looped, strict: s.strict, assumed: s.assumed})
	return s, false
}

// handOver ends the path where the resource is handed over. A
// summary goes on to the exit, to classify it by its error result.
func (w *walker) handOver(s state) (state, bool) {
	if w.acq != nil {
		return s, false
	}
	s.gone = true
	return s, true
}

// noteHandover records, for a summary, an exit that hands the resource
// over (returns it, or returns after it was handed over).
func (w *walker) noteHandover(ret *ssa.Return) {
	if w.acq != nil {
		return
	}
	w.out.handedOver = true
	if returnedErr(w.fn, ret) != errNil {
		w.out.handoverMayFail = true
	}
}

// pruned reports whether the i'th successor edge of b is infeasible
// while the resource is held, by the branch facts of branch.go.
func (w *walker) pruned(b *ssa.BasicBlock, i int, s state) bool {
	if len(b.Instrs) == 0 {
		return false
	}
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	if w.fi != nil && w.fi.conds.contradicts(b, i, s) {
		return true
	}
	if s.reacquired {
		return false // the facts are of a later resource
	}
	if !w.e.nothingHeld(w.a, ifi.Cond, i == 0, s) {
		return false
	}
	if c, ok := ifi.Cond.(*ssa.Call); ok && i == 1 && isMethodOn(w.a, &c.Call, "Next") {
		w.out.drained = true
	}
	return true
}

// edgeState is the state after the edge from b to succ. Going back to
// the head of a loop that holds the acquisition while the resource is
// held marks the path as looped: if it then leaves the function, the
// leak is the loop's (a continue, or the end of the body), reported
// when the path reaches the acquisition again.
func (w *walker) edgeState(b, succ *ssa.BasicBlock, i int, s state) state {
	if !s.deferred && !s.contained && w.acq != nil && succ.Dominates(b) && succ.Dominates(w.acq.Block()) {
		s.looped = true
	}
	if !s.deferred && w.fi != nil && w.fi.loops.leaves(b, succ) {
		if br := breakTaken(w.fn, b, i); br != nil {
			s.brk = br.Pos()
		}
	}
	if len(w.a.errPhis) > 0 {
		s.errPhis = w.a.errPhiBits(succ, slices.Index(succ.Preds, b), s)
	}
	if w.fi != nil {
		s = w.fi.conds.learn(b, i, s)
	}
	return s
}

// continuesYield reports whether ret ends an iteration of the body of
// a range-over-func loop (go/ssa builds the body as a yield function
// whose syntax is the range statement; it returns true to continue).
func continuesYield(fn *ssa.Function, ret *ssa.Return) bool {
	if _, ok := fn.Syntax().(*ast.RangeStmt); !ok || len(ret.Results) != 1 {
		return false
	}
	k, ok := ret.Results[0].(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.Bool && constant.BoolVal(k.Value)
}

// returnPos is the position of a return statement, or of the closing
// brace for the implicit return at the end of a function.
func (w *walker) returnPos(r *ssa.Return) token.Pos {
	if r.Pos().IsValid() {
		return r.Pos()
	}
	return funcEnd(w.fn)
}

func storePos(st *ssa.Store) token.Pos {
	if st.Pos().IsValid() {
		return st.Pos()
	}
	if v, ok := st.Val.(ssa.Instruction); ok {
		return v.Pos()
	}
	return token.NoPos
}
