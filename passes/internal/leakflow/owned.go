// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// A function that returns a resource it acquired (a repository method
// returning rows, a helper that begins a transaction, a constructor of
// a wrapper type) hands the obligation to its callers: a call to it is
// an acquisition. A function that returns a resource it did not acquire
// (a getter returning a field) is not: its callers owe nothing.

// ownedResult says whether a function returns an owned resource.
type ownedResult struct {
	kind  valueOwnership // nilValue: nothing returned yet (the start of a recursion)
	typ   *resource.Type // for ownedValue
	index int            // the result holding it
}

type valueOwnership uint8

const (
	nilValue     valueOwnership = iota // nil: the error path
	ownedValue                         // a resource the function acquired
	foreignValue                       // anything else: a field, a parameter, ...
)

// computeOwned classifies the first result of fn of a resource type.
// The fixpoint e.owned memoizes it; a recursive call contributes what
// is known of it so far.
func (e *engine) computeOwned(fn *ssa.Function) ownedResult {
	index, typ := e.resourceResult(fn.Signature)
	if typ == nil || len(fn.Blocks) == 0 {
		return ownedResult{kind: foreignValue}
	}
	out := ownedResult{kind: nilValue}
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) <= index {
			continue
		}
		switch e.ownership(ret.Results[index], make(map[ssa.Value]bool)) {
		case ownedValue:
			out = ownedResult{kind: ownedValue, typ: typ, index: index}
		case foreignValue:
			return ownedResult{kind: foreignValue}
		}
	}
	return out
}

// resourceResult returns the index and resource type of the first
// result of sig whose type is a resource, or nil.
func (e *engine) resourceResult(sig *types.Signature) (int, *resource.Type) {
	for i := range sig.Results().Len() {
		if t := e.model.TypeOf(sig.Results().At(i).Type()); t != nil {
			return i, t
		}
	}
	return -1, nil
}

// ownership classifies a returned value.
func (e *engine) ownership(v ssa.Value, seen map[ssa.Value]bool) valueOwnership {
	if seen[v] {
		return nilValue // a phi cycle adds nothing
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Const:
		if v.IsNil() {
			return nilValue
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return e.callOwnership(&call.Call, v.Index)
		}
	case *ssa.Call:
		if _, tuple := v.Type().(*types.Tuple); !tuple {
			return e.callOwnership(&v.Call, 0)
		}
	case *ssa.Alloc:
		// &Wrapper{...}: a fresh wrapper is the caller's to close.
		if e.model.TypeOf(v.Type()) != nil {
			return ownedValue
		}
	case *ssa.UnOp:
		if alloc, ok := v.X.(*ssa.Alloc); ok && v.Op == token.MUL && e.model.TypeOf(alloc.Type()) != nil {
			return ownedValue // Wrapper{...} returned by value
		}
	case *ssa.MakeInterface:
		return e.ownership(v.X, seen)
	case *ssa.ChangeInterface:
		return e.ownership(v.X, seen)
	case *ssa.ChangeType:
		return e.ownership(v.X, seen)
	case *ssa.Phi:
		out := nilValue
		for _, edge := range v.Edges {
			switch e.ownership(edge, seen) {
			case foreignValue:
				return foreignValue
			case ownedValue:
				out = ownedValue
			}
		}
		return out
	}
	return foreignValue
}

// callOwnership classifies result index of a call.
func (e *engine) callOwnership(c *ssa.CallCommon, index int) valueOwnership {
	if callee := c.StaticCallee(); callee != nil && e.isLocal(callee) && e.model.Acquired(funcObject(callee)) == nil {
		r := e.owned.value(origin(callee))
		switch {
		case r.kind == nilValue:
			return nilValue
		case r.kind == ownedValue && r.index == index:
			return ownedValue
		}
		return foreignValue
	}
	if t, i := e.acquiredBy(c); t != nil && i == index {
		return ownedValue
	}
	return foreignValue
}

// origin returns the generic function an instance was built from.
func origin(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}

// funcObject returns the function's object, or nil for a closure or a
// wrapper.
func funcObject(fn *ssa.Function) *types.Func {
	obj, _ := origin(fn).Object().(*types.Func)
	return obj
}
