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
// The walk carries two bits for this (state.txEnds, state.txUsed),
// about the transaction the acquisition queried on (walker.tx).

// txOf returns the aliases of the transaction the acquisition queried
// on, when ending that transaction closes what it acquired; or nil.
func (e *engine) txOf(acq acquisition) *aliases {
	c := &acq.call.Call
	var recv ssa.Value
	switch {
	case c.IsInvoke():
		recv = c.Value
	case c.Signature().Recv() != nil && len(c.Args) > 0:
		recv = c.Args[0]
	default:
		return nil
	}
	t := e.model.TypeOf(recv.Type())
	if t == nil || !t.EndClosesResults {
		return nil
	}
	tx := newAliases(t)
	tx.addValue(recv)
	if load, ok := recv.(*ssa.UnOp); ok && load.Op == token.MUL && isCell(load.X) {
		tx.addCell(load.X) // a transaction captured by a closure
	}
	return tx
}

// txStep records what ins does to the transaction of w.tx: a deferred
// or direct Commit or Rollback (or a call that releases it) ends it at
// or before the exit; any other use while the rows are held is a use.
func (w *walker) txStep(ins ssa.Instruction, s state) state {
	switch ins := ins.(type) {
	case *ssa.Defer:
		if endsTx(w.e.callEffect(w.tx, &ins.Call, true)) {
			s.txEnds = true
		}
	case *ssa.Call:
		if !mentions(&ins.Call, w.tx) {
			break
		}
		if endsTx(w.e.callEffect(w.tx, &ins.Call, false)) {
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
