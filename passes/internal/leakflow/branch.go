// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// nothingHeld reports whether, on the edge where cond has the value
// edge, the resource is certainly not held, so the walk need not
// follow that edge:
//
//   - the paired error is non-nil: nothing was acquired (err != nil),
//     also through a call that is handed the error and returns one
//     (if db.AddError(err) == nil, if wrap(err) != nil);
//   - the resource itself is nil (rows == nil);
//   - rows.Next() returned false: the rows closed themselves;
//   - pgx's rows.Scan failed: pgx closes the rows on a Scan error;
//   - database/sql's row.Err() is non-nil: such a Row holds no rows.
func (e *engine) nothingHeld(a *aliases, cond ssa.Value, edge, errStale bool) bool {
	switch c := cond.(type) {
	case *ssa.UnOp:
		if c.Op == token.NOT {
			return e.nothingHeld(a, c.X, !edge, errStale)
		}
	case *ssa.BinOp:
		x, ok := nilComparand(c)
		if !ok {
			return false
		}
		x = lastStored(x)
		isNil := edge == (c.Op == token.EQL) // cond's value on this edge means x == nil
		switch {
		case a.isErr(x, errStale), isErrHandlerOf(a, x, errStale):
			return !isNil
		case a.vals[x]:
			return isNil
		case isScanOf(a, x):
			return !isNil
		case isEmptyErrOf(a, x):
			return !isNil
		}
	case *ssa.Call:
		return !edge && isMethodOn(a, &c.Call, "Next") && a.typ.NextFalseReleases
	}
	return false
}

// lastStored resolves a load of a local variable's cell to the value
// most recently stored into it in the same block, so that
// "if err = rows.Scan(...); err != nil" is understood when err is a
// named result or is captured by a closure.
func lastStored(v ssa.Value) ssa.Value {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return v
	}
	if _, ok := load.X.(*ssa.Alloc); !ok {
		return v
	}
	instrs := load.Block().Instrs
	for i := slices.Index(instrs, ssa.Instruction(load)) - 1; i >= 0; i-- {
		if st, ok := instrs[i].(*ssa.Store); ok && st.Addr == load.X {
			return st.Val
		}
	}
	return v
}

// nilComparand returns x for a comparison x == nil or x != nil.
func nilComparand(c *ssa.BinOp) (ssa.Value, bool) {
	if c.Op != token.EQL && c.Op != token.NEQ {
		return nil, false
	}
	if isNilConst(c.Y) {
		return c.X, true
	}
	if isNilConst(c.X) {
		return c.Y, true
	}
	return nil, false
}

func isNilConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.IsNil()
}

// isErrHandlerOf reports whether v is the error returned by a call that
// is handed the paired error: gorm's db.AddError(err), a wrap(err). By
// the idiom it is non-nil when the paired error is, so its non-nil edge
// is the error branch.
func isErrHandlerOf(a *aliases, v ssa.Value, errStale bool) bool {
	call, ok := v.(*ssa.Call)
	if !ok || !types.Identical(call.Type(), errorType) {
		return false
	}
	return slices.ContainsFunc(call.Call.Args, func(arg ssa.Value) bool { return a.isErr(arg, errStale) })
}

var errorType = types.Universe.Lookup("error").Type()

// isScanOf reports whether v is the error of rows.Scan on a resource
// whose Scan error releases it (pgx.Rows).
func isScanOf(a *aliases, v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	return ok && a.typ.ScanErrorReleases && isMethodOn(a, &call.Call, "Scan")
}

// isEmptyErrOf reports whether v is the error of row.Err() on a
// resource for which that error means nothing was acquired (*sql.Row:
// a Row with an error holds no rows).
func isEmptyErrOf(a *aliases, v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	return ok && a.typ.ErrMeansEmpty && isMethodOn(a, &call.Call, "Err")
}

// isMethodOn reports whether c calls the named method on the resource.
func isMethodOn(a *aliases, c *ssa.CallCommon, name string) bool {
	if c.IsInvoke() {
		return c.Method.Name() == name && a.vals[c.Value]
	}
	callee := c.StaticCallee()
	return callee != nil && callee.Signature.Recv() != nil && callee.Name() == name &&
		len(c.Args) > 0 && a.vals[c.Args[0]]
}
