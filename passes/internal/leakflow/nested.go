// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
	"github.com/dbleaklint/dbleaklint/passes/internal/safe"
)

// Acquiring while holding (the nestedacquire check). A connection or
// transaction taken from a pool is held from its acquisition until its
// release, on the paths the leak walk follows, or for the whole body of
// a callback that a scoped helper runs with it (AcquireFunc, BeginFunc,
// WithConn, WithTx). A call in that region that takes another
// connection from the same pool can deadlock the pool under load: with
// N concurrent requests each holding one of the pool's N connections,
// every one waits for a second that never comes.

// A Nested is a call that takes a connection from a pool while a
// connection or transaction of the same pool is held on its path.
type Nested struct {
	Pos     token.Pos // the inner call
	Held    token.Pos // where the held connection or transaction was taken
	Message string
}

// A hold is a connection or transaction held from a pool.
type hold struct {
	pool     poolKey
	noun     string    // "connection" or "transaction"
	outer    *ssa.Call // the call that took it, which takes nothing more
	callback bool      // held by a scoped helper for its callback
}

// describe says, for a message, what is held ("connection conn from
// s.pool.Acquire") and what to do instead. The syntax is only consulted
// here, when a finding is made: clean code pays nothing for it.
func (e *engine) describe(h hold) (desc, fix string) {
	text := e.src.callText(h.outer.Pos())
	if h.callback {
		return fmt.Sprintf("the %s of the callback of %s", h.noun, text), "use the callback's " + h.noun + " instead"
	}
	v := e.src.varName(h.outer.Pos())
	switch {
	case v == "":
		return fmt.Sprintf("%s from %s", h.noun, text), "use the held " + h.noun + " instead, or release it first"
	case h.noun == "transaction":
		return fmt.Sprintf("%s %s from %s", h.noun, v, text), "run it on " + v + ", or end " + v + " first"
	}
	return fmt.Sprintf("%s %s from %s", h.noun, v, text), "use " + v + " instead, or release it first"
}

// findNested records the nested acquisitions of funcs in res.
func (e *engine) findNested(funcs []*ssa.Function, res *Result) {
	seen := make(map[token.Pos]bool)
	for _, fn := range funcs {
		// Tests hold several connections of a pool on purpose (to see
		// what the pool does then), and serve no concurrent requests.
		if strings.HasSuffix(e.pass.Fset.File(fn.Pos()).Name(), "_test.go") {
			continue
		}
		if err := safe.Analyze(check.NestedAcquire, fn, func() { e.findNestedIn(fn, seen, res) }); err != nil {
			res.Errors = append(res.Errors, err)
		}
	}
	slices.SortFunc(res.Nested, func(a, b *Nested) int { return int(a.Pos - b.Pos) })
}

// findNestedIn looks for the nested acquisitions under the holds taken
// in fn.
func (e *engine) findNestedIn(fn *ssa.Function, seen map[token.Pos]bool, res *Result) {
	var fi *funcInfo
	var unsure map[token.Pos]bool // made on the first hold: most functions have none
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			h, body, ok := e.holdOf(call)
			if !ok {
				continue
			}
			if unsure == nil {
				unsure = make(map[token.Pos]bool)
			}
			check := func(ins ssa.Instruction) {
				n, sure := e.nestedAt(ins, h)
				switch {
				case n == nil || seen[n.Pos]:
				case sure:
					seen[n.Pos] = true
					res.Nested = append(res.Nested, n)
				case !unsure[n.Pos]:
					unsure[n.Pos] = true
					res.NestedUnsure = append(res.NestedUnsure, n)
				}
			}
			if body != nil {
				for _, b := range body.Blocks {
					for _, ins := range b.Instrs {
						check(ins)
					}
				}
				continue
			}
			if fi == nil {
				fi = newFuncInfo(fn)
			}
			e.walkHeld(fn, fi, call, check)
		}
	}
}

// holdOf reports whether call takes a connection or transaction from a
// pool and holds it, and for a scoped helper, the callback that runs
// while it is held.
func (e *engine) holdOf(call *ssa.Call) (h hold, body *ssa.Function, ok bool) {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return hold{}, nil, false
	}
	obj := funcObject(callee)
	if obj == nil {
		return hold{}, nil, false
	}
	pc, ok := resource.PoolCallOf(obj)
	if !ok {
		h, ok := e.helperHold(call)
		return h, nil, ok
	}
	if pc.Holds == "" || pc.Pool >= len(call.Call.Args) {
		return hold{}, nil, false
	}
	key, ok := e.poolOf(call.Call.Args[pc.Pool])
	if !ok {
		return hold{}, nil, false
	}
	h = hold{pool: key, noun: pc.Holds, outer: call}
	if pc.Callback >= 0 {
		if pc.Callback >= len(call.Call.Args) {
			return hold{}, nil, false
		}
		switch f := call.Call.Args[pc.Callback].(type) {
		case *ssa.MakeClosure:
			body = f.Fn.(*ssa.Function)
		case *ssa.Function:
			body = f
		}
		if body == nil || body.Parent() == nil {
			return hold{}, nil, false // a named function: its body is checked on its own
		}
		h.callback = true
		return h, body, true
	}
	if t, _ := e.acquiredBy(&call.Call); t == nil {
		return hold{}, nil, false
	}
	return h, nil, true
}

// helperHold reports whether call is to a function that returns a
// connection or transaction it took from a pool, the one pool it takes
// from (s.begin(ctx), returning s.pool.Begin's transaction): its caller
// holds one of that pool. A function taking from no pool or from
// several is no hold: which pool it holds cannot be told.
func (e *engine) helperHold(call *ssa.Call) (hold, bool) {
	t, _ := e.acquiredBy(&call.Call)
	if t == nil || !t.Check.Props().HoldsConn {
		return hold{}, false
	}
	taken := e.poolsTaken(&call.Call)
	if len(taken) != 1 {
		return hold{}, false
	}
	noun := "connection"
	if t.Check.Props().Transaction {
		noun = "transaction"
	}
	return hold{pool: taken[0], noun: noun, outer: call}, true
}

// walkHeld walks fn from the acquisition call as the leak walk does,
// showing check each instruction reached while the resource is held.
// The leak walk ends a path at a deferred release, which covers every
// exit: the resource is then held until the function returns or an
// explicit release (tx.Commit after defer tx.Rollback), so the paths
// from the defer are followed on to there. Paths that went through a
// callee the engine cannot see into are not shown: it may have released
// the resource.
func (e *engine) walkHeld(fn *ssa.Function, fi *funcInfo, call *ssa.Call, check func(ssa.Instruction)) {
	t, index := e.acquiredBy(&call.Call)
	a := newAliases(t)
	resultAliases(a, call, index)
	reached := make(map[*ssa.BasicBlock]bool)
	visit := func(ins ssa.Instruction, s state) {
		if s.strict {
			return
		}
		check(ins)
		if d, ok := ins.(*ssa.Defer); ok {
			if k := e.callEffect(a, &d.Call, true).kind; k == effRelease || k == effDeferCell {
				e.heldUntilRelease(a, d, reached, check)
			}
		}
	}
	w := &walker{e: e, fn: fn, fi: fi, a: a, acq: call, visit: visit}
	b := call.Block()
	w.walk(b, slices.Index(b.Instrs, ssa.Instruction(call))+1, e.initialState(fi.defers, call, a))
}

// heldUntilRelease shows check every instruction reachable from ins
// before a call that releases the resource a, each block once across
// the calls sharing reached.
func (e *engine) heldUntilRelease(a *aliases, ins ssa.Instruction, reached map[*ssa.BasicBlock]bool, check func(ssa.Instruction)) {
	// scan shows the instructions of b from i on, and reports whether
	// the path goes on past the block.
	scan := func(b *ssa.BasicBlock, i int) bool {
		for _, ins := range b.Instrs[i:] {
			check(ins)
			if c, ok := ins.(*ssa.Call); ok && e.callEffect(a, &c.Call, false).kind == effRelease {
				return false
			}
		}
		return true
	}
	// succs are the successors of b on which the resource may still
	// be held: not the edge of an if proving it nil or released.
	succs := func(b *ssa.BasicBlock) []*ssa.BasicBlock {
		ifi, ok := lastIf(b)
		if !ok {
			return b.Succs
		}
		var out []*ssa.BasicBlock
		for i, succ := range b.Succs {
			if !e.nothingHeld(a, ifi.Cond, i == 0, state{}) {
				out = append(out, succ)
			}
		}
		return out
	}
	b := ins.Block()
	if !scan(b, slices.Index(b.Instrs, ins)+1) {
		return
	}
	queue := succs(b)
	for len(queue) > 0 {
		b := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if reached[b] {
			continue
		}
		reached[b] = true
		if scan(b, 0) {
			queue = append(queue, succs(b)...)
		}
	}
}

// nestedAt returns the finding of ins if it takes a connection from the
// pool that h holds one of (sure), or from a pool of the same type that
// cannot be shown to be the same one (not sure, for the debug mode), or
// nil.
func (e *engine) nestedAt(ins ssa.Instruction, h hold) (*Nested, bool) {
	call, ok := ins.(*ssa.Call)
	if !ok || call == h.outer {
		return nil, false
	}
	taken := e.poolsTaken(&call.Call)
	held := e.callStart(h.outer)
	if !slices.Contains(taken, h.pool) {
		heldType := h.pool.base.Type()
		for _, k := range taken {
			if k.path == "" && h.pool.path == "" && types.Identical(k.base.Type(), heldType) {
				desc, _ := e.describe(h)
				return &Nested{
					Pos:  e.callStart(call),
					Held: held,
					Message: fmt.Sprintf("%s may take a second connection from the pool of %s (%s): not reported, the two pools cannot be shown to be the same",
						e.src.callText(call.Pos()), desc, e.where(held)),
				}, false
			}
		}
		return nil, false
	}
	desc, fix := e.describe(h)
	return &Nested{
		Pos:  e.callStart(call),
		Held: held,
		Message: fmt.Sprintf("%s takes a second connection from the pool while %s (%s) holds one: "+
			"with as many concurrent calls as the pool has connections, each holds one and waits for another, and the pool deadlocks; %s",
			e.src.callText(call.Pos()), desc, e.where(held), fix),
	}, true
}

// callStart is the position of the call expression of call, where
// diagnostics are reported.
func (e *engine) callStart(call *ssa.Call) token.Pos {
	if c, _ := e.src.call(call.Pos()); c != nil {
		return c.Pos()
	}
	return call.Pos()
}
