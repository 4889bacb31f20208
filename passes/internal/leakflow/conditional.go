// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Conditional ownership. A function may keep the resource it is handed
// (store it in what it returns, hand it on) or release it only when its
// error result is nil, and leave it with the caller otherwise:
//
//	func WithConnection(ctx context.Context, conn *sql.Conn) (*Driver, error) {
//		d := &Driver{conn: conn}
//		if err := d.ensureVersionTable(); err != nil {
//			return nil, err // conn is still the caller's
//		}
//		return d, nil // conn is d's
//	}
//
// Its summary (and fact) says so, and a caller treats the call's error
// result as the guard: where it is nil the resource is gone, where it
// is not the caller still owes the release, and a leak there is
// reported "when WithConnection fails at x.go:42".

// errClass is what is known at a return of the function's error result.
type errClass uint8

const (
	errUnknown errClass = iota
	errNil
	errNonNil
)

// returnedErr classifies the error result of ret, the last result when
// it is of type error.
func returnedErr(fn *ssa.Function, ret *ssa.Return) errClass {
	res := fn.Signature.Results()
	if res.Len() == 0 || !types.Identical(res.At(res.Len()-1).Type(), errorType) || len(ret.Results) != res.Len() {
		return errUnknown
	}
	v := lastStored(ret.Results[len(ret.Results)-1])
	if isNilConst(v) {
		return errNil
	}
	if isSentinel(v) {
		return errNonNil
	}
	return provenByDominatingEdge(v, ret.Block())
}

// provenByDominatingEdge says whether v is nil or not where b runs, by
// an edge of an "if v != nil" (or == nil) that every path to b takes.
func provenByDominatingEdge(v ssa.Value, b *ssa.BasicBlock) errClass {
	for _, e := range dominatingEdges(b) {
		bin, ok := e.ifi.Cond.(*ssa.BinOp)
		if !ok {
			continue
		}
		x, ok := nilComparand(bin)
		if !ok || lastStored(x) != v {
			continue
		}
		if isNil := (e.pred.Succs[0] == e.succ) == (bin.Op == token.EQL); isNil {
			return errNil
		}
		return errNonNil
	}
	return errUnknown
}

// conditional derives a summary from the exits of a summary walk that
// are classified by the function's error result: the resource is handed
// over (or released) on every exit whose error is nil, and left held on
// every exit whose error is non-nil. It returns sumUnclear otherwise.
func conditional(out *outcome) summary {
	if len(out.leaks) == 0 || out.leakMaySucceed {
		return sumUnclear
	}
	switch {
	case out.handedOver && !out.handoverMayFail && !out.released:
		return sumTakesOnSuccess
	case !out.handedOver && (out.released || out.drained):
		return sumReleasesOnSuccess
	}
	return sumUnclear
}

// callError returns the error result of a call (its last result, of
// type error), or nil.
func callError(call ssa.CallInstruction) ssa.Value {
	v := call.Value()
	if v == nil {
		return nil
	}
	tuple, ok := v.Type().(*types.Tuple)
	if !ok {
		if types.Identical(v.Type(), errorType) {
			return v
		}
		return nil
	}
	last := tuple.Len() - 1
	if last < 0 || !types.Identical(tuple.At(last).Type(), errorType) {
		return nil
	}
	for _, r := range referrers(v) {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == last {
			return ex
		}
	}
	return nil
}
