// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"fmt"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

type effKind uint8

const (
	effNone      effKind = iota // no effect on the resource (a borrow)
	effRelease                  // released, now or by a defer covering every exit
	effDeferCell                // a deferred closure releases the cell's content at exit
	effEscape                   // handed over where ownership is unknown
	effNotHeld                  // the path cannot hold it (an assertion that the error is non-nil)
	effOnSuccess                // kept or released by the callee where its error result is nil
)

type effect struct {
	kind   effKind
	reason string // for effEscape
	// unknown: the escape is a call to a function the engine cannot
	// see into, of this kind. Such callees almost always borrow, so the
	// strict mode of the checks goes on as if they did (and the default
	// mode for the kinds in borrowDefaults).
	unknown Unseen
}

// Unseen is a kind of callee the engine cannot see into, a bit each.
type Unseen uint8

const (
	UnseenFuncValue Unseen = 1 << iota // a function value (a callback)
	UnseenInterface                    // an interface method
	UnseenForeign                      // a function of another package without an ownership fact
	// UnseenKeeper is a function value that may keep or release what
	// it is passed, by its shape: a deferred call (a deferred callback
	// is a cleanup), a call that returns a resource type (a wrapper
	// made of it), or one handed a row, whose only use is its Scan.
	UnseenKeeper
)

// borrowDefaults are the kinds of callees that the default mode
// assumes to borrow the resources passed to them, as the strict mode
// assumes of all. Chosen by counting, on the corpus, the real leaks
// and the false alarms each assumption adds (docs/design.md).
const borrowDefaults Unseen = UnseenFuncValue

// String names the kinds, for messages.
func (u Unseen) String() string {
	var names []string
	if u&(UnseenFuncValue|UnseenKeeper) != 0 {
		names = append(names, "a function value")
	}
	if u&UnseenInterface != 0 {
		names = append(names, "an interface method")
	}
	if u&UnseenForeign != 0 {
		names = append(names, "a function of another package")
	}
	return strings.Join(names, " and ")
}

// effect classifies what instruction ins does to the resource.
func (e *engine) effect(a *aliases, ins ssa.Instruction) effect {
	switch ins := ins.(type) {
	case *ssa.Call:
		if eff, ok := testifyEffect(a, &ins.Call); ok {
			return eff
		}
		if a.typ.NextFalseReleases && isMethodOn(a, &ins.Call, "Next") && !nextBranched(ins) {
			return effect{kind: effEscape, reason: "the result of Next is not branched on, so whether the rows were closed is unknown"}
		}
		return e.callEffect(a, &ins.Call, false)
	case *ssa.Defer:
		return e.callEffect(a, &ins.Call, true)
	case *ssa.Go:
		switch eff := e.callEffect(a, &ins.Call, false); eff.kind {
		case effRelease:
			return eff
		case effEscape:
			return effect{kind: effEscape, reason: "handed to a goroutine"}
		}
	case *ssa.MapUpdate:
		if a.vals[ins.Key] || a.vals[ins.Value] {
			return effect{kind: effEscape, reason: "stored in a map"}
		}
	case *ssa.Send:
		if a.vals[ins.X] {
			return effect{kind: effEscape, reason: "sent on a channel"}
		}
	case *ssa.MakeClosure:
		if capturesResource(a, ins) && !onlyCalled(ins) {
			return effect{kind: effEscape, reason: "captured by a closure that outlives the call"}
		}
	}
	return effect{}
}

// callEffect classifies a call, deferred call or go statement.
func (e *engine) callEffect(a *aliases, c *ssa.CallCommon, deferred bool) effect {
	if eff, ok := e.receiverEffect(a, c); ok {
		return eff
	}
	if b, ok := c.Value.(*ssa.Builtin); ok {
		return builtinEffect(a, b, c.Args)
	}
	callee := c.StaticCallee()
	var eff effect
	for i, arg := range c.Args {
		if !a.vals[arg] {
			continue
		}
		eff = join(eff, e.argEffect(a, c, callee, i, deferred))
	}
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		for k, bound := range mc.Bindings {
			if !a.holds(bound) {
				continue
			}
			fn := mc.Fn.(*ssa.Function)
			ce := e.summaryEffect(summaryKey{typ: a.typ, fn: fn, slot: -1 - k, cell: a.cells[bound], field: a.containers[bound]}, deferred)
			if ce.kind == effRelease && deferred && a.cells[bound] {
				ce.kind = effDeferCell
			}
			eff = join(eff, ce)
		}
	}
	return eff
}

// receiverEffect handles a method called on the resource itself: a
// release method releases it, any other method borrows it.
func (e *engine) receiverEffect(a *aliases, c *ssa.CallCommon) (effect, bool) {
	var recv ssa.Value
	var method string
	switch {
	case c.IsInvoke():
		recv, method = c.Value, c.Method.Name()
	case len(c.Args) > 0 && c.Signature().Recv() != nil:
		recv = c.Args[0]
		if callee := c.StaticCallee(); callee != nil {
			method = callee.Name()
		}
	default:
		if bound, name := boundMethod(c.Value); bound != nil {
			recv, method = bound, name
		}
	}
	if recv == nil || !a.vals[recv] {
		return effect{}, false
	}
	if a.containers[recv] != 0 {
		// A method of the struct holding the resource: what it does
		// with the field is its summary's (or fact's) to say.
		return effect{}, false
	}
	if a.typ.IsRelease(method) {
		return effect{kind: effRelease}, true
	}
	if callee := c.StaticCallee(); callee != nil && e.isLocal(callee) {
		// A method of this package (pgx's own code, a wrapper type):
		// summarize it like any local callee; it may keep its receiver.
		return effect{}, false
	}
	return effect{}, true
}

// boundMethod recognizes a method value such as f := rows.Close: a
// closure of a bound-method wrapper whose binding is the receiver.
func boundMethod(v ssa.Value) (ssa.Value, string) {
	mc, ok := v.(*ssa.MakeClosure)
	if !ok || len(mc.Bindings) != 1 {
		return nil, ""
	}
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok || fn.Object() == nil || !strings.HasPrefix(fn.Synthetic, "bound method wrapper") {
		return nil, ""
	}
	return mc.Bindings[0], fn.Object().Name()
}

// argEffect classifies passing the resource as argument i.
func (e *engine) argEffect(a *aliases, c *ssa.CallCommon, callee *ssa.Function, i int, deferred bool) effect {
	if callee == nil {
		if c.IsInvoke() {
			return effect{effEscape, "passed to an interface method", UnseenInterface}
		}
		if deferred || a.typ.IsRelease("Scan") || e.returnsResource(c.Signature()) {
			return effect{effEscape, "passed to a function value that may keep it", UnseenKeeper}
		}
		return effect{effEscape, "passed to a function value", UnseenFuncValue}
	}
	if obj, ok := callee.Object().(*types.Func); ok {
		switch i {
		case e.model.ReleasedArg(obj):
			return effect{kind: effRelease}
		case e.model.BorrowedArg(obj):
			return effect{}
		}
	}
	if e.isLocal(callee) {
		return e.summaryEffect(summaryKey{typ: a.typ, fn: callee, slot: i, field: a.containers[c.Args[i]]}, deferred)
	}
	if a.containers[c.Args[i]] == sliceElems {
		// A collection of resources: only a fact that the callee
		// releases its elements says anything (collections.go).
		switch {
		case e.facts.funcFact(funcObject(callee)).releasesElems(i):
			return effect{kind: effRelease}
		case borrowsArgs(callee):
			return effect{}
		}
		return effect{effEscape, fmt.Sprintf("passed to %s, whose ownership of it is unknown", calleeName(callee)), UnseenForeign}
	}
	if f := e.facts.funcFact(funcObject(callee)); f != nil {
		switch {
		case f.releases(i):
			return effect{kind: effRelease}
		case f.borrows(i):
			return effect{}
		case f.onSuccess(i):
			if deferred {
				return effect{kind: effRelease}
			}
			return effect{kind: effOnSuccess, reason: "kept by " + calleeName(callee) + " when it succeeds"}
		}
	}
	if borrowsArgs(callee) {
		return effect{}
	}
	return effect{effEscape, fmt.Sprintf("passed to %s, whose ownership of it is unknown", calleeName(callee)), UnseenForeign}
}

// builtinEffect: append and copy put the resource into a slice; other
// builtins (len, print, ...) only read it.
func builtinEffect(a *aliases, b *ssa.Builtin, args []ssa.Value) effect {
	switch b.Name() {
	case "append", "copy":
		for i, arg := range args {
			if i == 0 && a.containers[arg] == sliceElems {
				continue // appending or copying into the container keeps it one
			}
			if a.vals[arg] {
				return effect{kind: effEscape, reason: "appended to a slice"}
			}
		}
	}
	return effect{}
}

// join combines the effects of several arguments of one call.
func join(x, y effect) effect {
	if x.kind == effEscape && x.unknown == 0 {
		return x
	}
	if y.kind == effEscape || y.kind > x.kind {
		return y
	}
	return x
}

// capturesResource reports whether a closure binds the resource.
func capturesResource(a *aliases, mc *ssa.MakeClosure) bool {
	for _, b := range mc.Bindings {
		if a.holds(b) {
			return true
		}
	}
	return false
}

// onlyCalled reports whether a closure is only ever called, deferred or
// run as a goroutine right where it is made, so that its effect is
// decided at the call.
func onlyCalled(mc *ssa.MakeClosure) bool {
	refs := mc.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		call, ok := r.(ssa.CallInstruction)
		if !ok || call.Common().Value != mc {
			return false
		}
	}
	return true
}
