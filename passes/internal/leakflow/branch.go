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
// edge, the resource is certainly not held on a path in state s, so
// the walk need not follow that edge:
//
//   - the paired error is non-nil: nothing was acquired. What the walk
//     knows of the error is nil, non-nil or unknown; non-nil ends the
//     path, so only which values denote the error is carried along
//     (aliases.isErr: copies, cells, and phis by the edge taken). Every
//     test that implies non-nil counts: err != nil, err == X and
//     err != X for a sentinel X (a package-level error, a fresh error
//     value), errors.Is(err, X), errors.As(err, &t), a type assertion
//     on err that succeeds, and a call that is handed the error and
//     returns one (if db.AddError(err) == nil, if wrap(err) != nil);
//   - the resource itself is nil (rows == nil);
//   - rows.Next() returned false: the rows closed themselves;
//   - pgx's rows.Scan failed: pgx closes the rows on a Scan error;
//   - database/sql's row.Err() is non-nil: such a Row holds no rows.
//
// Negations, compound conditions (compiled to several Ifs) and switch
// statements (a chain of comparisons) need nothing more.
func (e *engine) nothingHeld(a *aliases, cond ssa.Value, edge bool, s state) bool {
	switch c := cond.(type) {
	case *ssa.UnOp:
		if c.Op == token.NOT {
			return e.nothingHeld(a, c.X, !edge, s)
		}
	case *ssa.BinOp:
		if x, ok := nilComparand(c); ok {
			x = lastStored(x)
			isNil := edge == (c.Op == token.EQL) // cond's value on this edge means x == nil
			switch {
			case a.isErr(x, s), isErrHandlerOf(a, x, s):
				return !isNil
			case a.vals[x], a.condErrs[x]:
				return isNil
			case isScanOf(a, x):
				return !isNil
			case isEmptyErrOf(a, x):
				return !isNil
			}
			return false
		}
		// err == X on its true edge, err != X on its false edge.
		equal := edge == (c.Op == token.EQL)
		return equal && isSentinelTest(a, c, s)
	case *ssa.Call:
		if isMethodOn(a, &c.Call, "Next") {
			return !edge && a.typ.NextFalseReleases
		}
		if nonNilEdge, ok := assertResultProvesErr(a, &c.Call, s); ok {
			return edge == nonNilEdge
		}
		return edge && impliesNonNilErr(a, &c.Call, s)
	case *ssa.Extract:
		// _, ok := err.(*pgconn.PgError): ok means err is non-nil.
		ta, isAssert := c.Tuple.(*ssa.TypeAssert)
		return edge && isAssert && c.Index == 1 && a.isErr(lastStored(ta.X), s)
	}
	return false
}

// isSentinelTest reports whether c compares the paired error with a
// value that is never nil, with == or !=.
func isSentinelTest(a *aliases, c *ssa.BinOp, s state) bool {
	if c.Op != token.EQL && c.Op != token.NEQ {
		return false
	}
	x, y := lastStored(c.X), lastStored(c.Y)
	return a.isErr(x, s) && isSentinel(y) || a.isErr(y, s) && isSentinel(x)
}

// impliesNonNilErr reports whether a call returning true proves the
// paired error non-nil: errors.Is(err, X) with X never nil, and
// errors.As(err, &target) (in the errors package, golang.org/x/xerrors
// or github.com/pkg/errors, which share the contract).
func impliesNonNilErr(a *aliases, c *ssa.CallCommon, s state) bool {
	callee := c.StaticCallee()
	if callee == nil || callee.Pkg == nil || len(c.Args) != 2 || !a.isErr(lastStored(c.Args[0]), s) {
		return false
	}
	switch callee.Pkg.Pkg.Path() {
	case "errors", "golang.org/x/xerrors", "github.com/pkg/errors":
	default:
		return false
	}
	switch callee.Name() {
	case "Is":
		return isSentinel(c.Args[1])
	case "As":
		return true // As reports false for a nil error
	}
	return false
}

// isSentinel reports whether v, an error to compare with, is never
// nil: a package-level variable (by the idiom, initialized with
// errors.New), an interface made from a concrete value (even a nil
// pointer makes a non-nil interface), or a fresh error from
// errors.New or fmt.Errorf.
func isSentinel(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.UnOp:
		_, global := v.X.(*ssa.Global)
		return global && v.Op == token.MUL
	case *ssa.MakeInterface:
		return true
	case *ssa.Call:
		callee := v.Call.StaticCallee()
		if callee == nil || callee.Pkg == nil {
			return false
		}
		path, name := callee.Pkg.Pkg.Path(), callee.Name()
		return path == "errors" && name == "New" || path == "fmt" && name == "Errorf"
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
func isErrHandlerOf(a *aliases, v ssa.Value, s state) bool {
	call, ok := v.(*ssa.Call)
	if !ok || !types.Identical(call.Type(), errorType) {
		return false
	}
	return slices.ContainsFunc(call.Call.Args, func(arg ssa.Value) bool { return a.isErr(arg, s) })
}

var errorType = types.Universe.Lookup("error").Type()

// isScanOf reports whether v is the error of rows.Scan or rows.Values
// on a resource whose Scan error releases it (pgx.Rows: both fail
// through rows.fatal, which closes the rows, or on rows already
// closed).
func isScanOf(a *aliases, v ssa.Value) bool {
	if ex, ok := v.(*ssa.Extract); ok {
		if call, ok := ex.Tuple.(*ssa.Call); ok && a.typ.ScanErrorReleases && ex.Index == 1 {
			return isMethodOn(a, &call.Call, "Values")
		}
	}
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
