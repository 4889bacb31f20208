// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// Rows queried on a database/sql transaction close when it ends:
// Commit and Rollback cancel the transaction's context, and the rows
// close with it. So rows left open at a return whose path ends the
// transaction (a deferred Rollback, an explicit Commit) are not leaked;
// the strict mode still reports them, as hygiene. Rows left open while
// the transaction goes on being used are a leak all the same: the next
// statement on that connection fails or waits, with most drivers.
//
// A pgx savepoint (tx.Begin on a pgx transaction) is scoped the same
// way: it holds no connection of its own, and ends with its parent (a
// Commit releases it, a Rollback rolls it back). Using the parent while
// the savepoint is open is no leak: the statements run inside it.
//
// Nor is going around a loop with it open (the next savepoint nests in
// it, and all end with the parent). When the parent is acquired in the
// same function, an exit that does not end it is the parent's leak, and
// the savepoint's is reported in strict mode only.
//
// The walk carries two bits for this (state.txEnds, state.txUsed),
// about the transaction the acquisition queried on (walker.scope).

// A txScope is the transaction whose end ends a resource acquired on it.
type txScope struct {
	tx *aliases // the transaction, or nil
	// savepoint: the resource is a savepoint of tx, not rows: using tx
	// while it is open is no leak; parentOwned: tx is acquired by the
	// function itself.
	savepoint, parentOwned bool
}

// txOf returns the scope of the transaction the acquisition queried
// on, when ending that transaction ends what it acquired.
func (e *engine) txOf(acq acquisition) txScope {
	c := &acq.call.Call
	var recv ssa.Value
	switch {
	case c.IsInvoke():
		recv = c.Value
	case c.Signature().Recv() != nil && len(c.Args) > 0:
		recv = c.Args[0]
	default:
		return txScope{}
	}
	t := e.model.TypeOf(recv.Type())
	var sc txScope
	switch {
	case t == nil:
		return txScope{}
	case t.EndClosesResults:
	case t.Savepoints && acq.typ.Savepoints:
		sc.savepoint = true
		sc.parentOwned = e.acquiredHere(recv)
	default:
		return txScope{}
	}
	tx := newAliases(t)
	tx.addValue(recv)
	if load, ok := recv.(*ssa.UnOp); ok && load.Op == token.MUL && isCell(load.X) {
		tx.addCell(load.X) // a transaction captured by a closure
	}
	sc.tx = tx
	return sc
}

// acquiredHere reports whether v is the resource of an acquiring call
// of the function being analyzed.
func (e *engine) acquiredHere(v ssa.Value) bool {
	if x, ok := v.(*ssa.Extract); ok {
		v = x.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	t, _ := e.acquiredBy(&call.Call)
	return t != nil
}

// txStep records what ins does to the transaction of w.scope.tx: a deferred
// or direct Commit or Rollback (or a call that releases it) ends it at
// or before the exit; any other use while the rows are held is a use.
func (w *walker) txStep(ins ssa.Instruction, s state) state {
	switch ins := ins.(type) {
	case *ssa.Defer:
		if endsTx(w.e.callEffect(w.scope.tx, &ins.Call, true)) {
			s.txEnds = true
		}
	case *ssa.Call:
		if !mentions(&ins.Call, w.scope.tx) {
			break
		}
		if endsTx(w.e.callEffect(w.scope.tx, &ins.Call, false)) {
			s.txEnds = true
		} else {
			s.txUsed = true
		}
	}
	return s
}

// txEndDeferredBefore reports whether a release of the transaction is
// deferred on every path before the acquisition (tx, err := db.Begin();
// defer tx.Rollback(); rows, err := tx.Query(...)).
func (e *engine) txEndDeferredBefore(defers []deferSite, call *ssa.Call, tx *aliases) bool {
	for _, d := range defers {
		if before(d.Block(), d.index, call) && endsTx(e.callEffect(tx, &d.Call, true)) {
			return true
		}
	}
	return false
}

func endsTx(eff effect) bool {
	return eff.kind == effRelease || eff.kind == effDeferCell
}

// mentions reports whether the call takes a value of a as its receiver,
// an argument or a closure binding.
func mentions(c *ssa.CallCommon, a *aliases) bool {
	if c.IsInvoke() && a.vals[c.Value] {
		return true
	}
	for _, arg := range c.Args {
		if a.holds(arg) {
			return true
		}
	}
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		for _, b := range mc.Bindings {
			if a.holds(b) {
				return true
			}
		}
	}
	return false
}
