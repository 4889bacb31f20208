// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"
	"go/types"
	"slices"

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
	// params has bit i set, for a fresh wrapper that wraps only
	// resources its caller passed, for each such parameter i (see
	// wrappedParams).
	params uint64
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
			var params uint64
			if alloc, ok := ret.Results[index].(*ssa.Alloc); ok && (out.kind == nilValue || out.params != 0) {
				if p := e.wrappedParams(fn, alloc); p != 0 {
					params = out.params | p
				}
			}
			out = ownedResult{kind: ownedValue, typ: typ, index: index, params: params}
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

// wrappedParams returns the parameters whose resources the fresh
// struct at alloc wraps, when every resource stored into its fields is
// a parameter of fn (or nil), and there is at least one; else nil. A
// call that passes nil for all of them makes a wrapper of nothing.
func (e *engine) wrappedParams(fn *ssa.Function, alloc *ssa.Alloc) uint64 {
	var params uint64
	for _, r := range referrers(alloc) {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, fr := range referrers(fa) {
			st, ok := fr.(*ssa.Store)
			if !ok || st.Addr != fa || e.model.TypeOf(st.Val.Type()) == nil || isNilConst(st.Val) {
				continue
			}
			p, ok := st.Val.(*ssa.Parameter)
			i := slices.Index(fn.Params, p)
			if !ok || i < 0 || i >= 64 {
				return 0
			}
			params |= 1 << i
		}
	}
	return params
}

// wrapsNothing reports whether a call of a function returning a fresh
// wrapper of its parameters passes nil for all of them.
func wrapsNothing(c *ssa.CallCommon, r ownedResult) bool {
	if r.params == 0 {
		return false
	}
	for i := range 64 {
		if r.params&(1<<i) != 0 && (i >= len(c.Args) || !isNilConst(c.Args[i])) {
			return false
		}
	}
	return true
}

// returnsResource reports whether a call of sig returns a value of a
// resource type.
func (e *engine) returnsResource(sig *types.Signature) bool {
	_, t := e.resourceResult(sig)
	return t != nil
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
		if ta, ok := v.Tuple.(*ssa.TypeAssert); ok && v.Index == 0 {
			return e.interfaceOwnership(ta.X, seen)
		}
	case *ssa.TypeAssert:
		return e.interfaceOwnership(v.X, seen)
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

// interfaceOwnership classifies a resource asserted out of an
// interface value (rows, err := retry(func() (any, error) { return
// db.Query(q) }); return rows.(*sql.Rows), err): the value that the
// local callee returned in that interface, looked through the function
// values it calls that its caller passed it.
func (e *engine) interfaceOwnership(x ssa.Value, seen map[ssa.Value]bool) valueOwnership {
	var call *ssa.Call
	index := 0
	switch x := x.(type) {
	case *ssa.Extract:
		call, _ = x.Tuple.(*ssa.Call)
		index = x.Index
	case *ssa.Call:
		call = x
	case *ssa.MakeInterface:
		return e.ownership(x.X, seen)
	}
	if call == nil {
		return foreignValue
	}
	return e.returnedThrough(&call.Call, index, seen, 0)
}

// maxThrough bounds how many calls deep returnedThrough looks.
const maxThrough = 3

// returnedThrough classifies result index of a call to a local
// function, or to a function value the caller handed it (a closure
// literal), by what its returns put in that result.
func (e *engine) returnedThrough(c *ssa.CallCommon, index int, seen map[ssa.Value]bool, depth int) valueOwnership {
	callee := c.StaticCallee()
	if callee == nil || !e.isLocal(callee) || depth > maxThrough {
		return foreignValue
	}
	return joinReturns(callee, index, func(v ssa.Value) valueOwnership {
		return e.throughValue(v, c, callee, seen, depth)
	})
}

// joinReturns classifies result index of fn by classifying the value
// each return puts there: foreign if one is, owned if one is, else nil.
func joinReturns(fn *ssa.Function, index int, classify func(ssa.Value) valueOwnership) valueOwnership {
	out := nilValue
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) <= index {
			continue
		}
		switch classify(ret.Results[index]) {
		case foreignValue:
			return foreignValue
		case ownedValue:
			out = ownedValue
		}
	}
	return out
}

// throughValue classifies a value a callee returns in an interface
// result: a resource wrapped in it, nil, or the result of calling a
// function value that the call site passed as an argument.
func (e *engine) throughValue(v ssa.Value, site *ssa.CallCommon, callee *ssa.Function, seen map[ssa.Value]bool, depth int) valueOwnership {
	switch v := v.(type) {
	case *ssa.Const:
		if v.IsNil() {
			return nilValue
		}
	case *ssa.MakeInterface:
		return e.ownership(v.X, seen)
	case *ssa.Extract:
		if inner, ok := v.Tuple.(*ssa.Call); ok {
			return e.throughArg(&inner.Call, v.Index, site, callee, seen, depth)
		}
	case *ssa.Call:
		return e.throughArg(&v.Call, 0, site, callee, seen, depth)
	}
	return foreignValue
}

// throughArg classifies result index of inner, a call inside callee of
// one of its parameters: the function the call site passed for it.
func (e *engine) throughArg(inner *ssa.CallCommon, index int, site *ssa.CallCommon, callee *ssa.Function, seen map[ssa.Value]bool, depth int) valueOwnership {
	p, ok := inner.Value.(*ssa.Parameter)
	if !ok || site == nil || callee == nil {
		return foreignValue
	}
	i := slices.Index(callee.Params, p)
	if i < 0 || i >= len(site.Args) {
		return foreignValue
	}
	var fn *ssa.Function
	switch arg := site.Args[i].(type) {
	case *ssa.MakeClosure:
		fn, _ = arg.Fn.(*ssa.Function)
	case *ssa.Function:
		fn = arg
	}
	if fn == nil || len(fn.Blocks) == 0 {
		return foreignValue
	}
	return joinReturns(fn, index, func(v ssa.Value) valueOwnership {
		return e.throughValue(v, nil, nil, seen, depth+1)
	})
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
