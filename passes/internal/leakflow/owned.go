// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// A function of this package that returns a resource it acquired (a
// repository method returning rows, a helper that begins a transaction)
// hands the obligation to its callers: a call to it is an acquisition.
// A function that returns a resource it did not acquire (a getter
// returning a field) is not: its callers owe nothing.

// ownedResult returns the resource type that fn returns as an owned
// resource in its first result, or nil. It is memoized per package; a
// recursive request sees nil.
func (e *engine) ownedResult(fn *ssa.Function) *resource.Type {
	if t, ok := e.owned[fn]; ok {
		return t
	}
	e.owned[fn] = nil
	t := e.computeOwned(fn)
	e.owned[fn] = t
	return t
}

func (e *engine) computeOwned(fn *ssa.Function) *resource.Type {
	res := fn.Signature.Results()
	if res.Len() == 0 || len(fn.Blocks) == 0 {
		return nil
	}
	typ := e.model.TypeOf(res.At(0).Type())
	if typ == nil {
		return nil
	}
	owned := false
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		switch e.ownership(ret.Results[0], make(map[ssa.Value]bool)) {
		case ownedValue:
			owned = true
		case foreignValue:
			return nil
		}
	}
	if !owned {
		return nil
	}
	return typ
}

type valueOwnership uint8

const (
	nilValue     valueOwnership = iota // nil: the error path
	ownedValue                         // a resource the function acquired
	foreignValue                       // anything else: a field, a parameter, ...
)

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
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 && e.acquiredBy(&call.Call) != nil {
			return ownedValue
		}
	case *ssa.Call:
		if _, tuple := v.Type().(*types.Tuple); !tuple && e.acquiredBy(&v.Call) != nil {
			return ownedValue
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
