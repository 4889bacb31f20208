// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package poolpolicy

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// origin says where an address, or a map, leads: to storage local to the
// callback (a variable, composite value, slice or map it creates) or to
// storage that outlives it.
type origin struct {
	local  bool
	root   ssa.Value // the storage reached
	field  string    // the outermost field on the way, if any
	elem   bool      // whether the way goes through an element first
	target string    // the storage named, for messages: "global G", ...
}

// origin follows addr through field and element addresses, loads and
// captured variables to the storage it belongs to.
func (tr *tracker) origin(addr ssa.Value) origin {
	var o origin
	first := true
	for v := addr; ; first = false {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			if first {
				o.field = fieldName(x)
			}
			v = x.X
			continue
		case *ssa.IndexAddr:
			o.elem = o.elem || first
			v = x.X
			continue
		case *ssa.Slice:
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op == token.MUL {
				// A slice, map or pointer loaded from a variable or a
				// field: where that was loaded from decides.
				if fa, ok := x.X.(*ssa.FieldAddr); ok && o.field == "" {
					o.field = fieldName(fa)
				}
				v = x.X
				continue
			}
		case *ssa.FreeVar:
			if b := tr.binding(x); b != nil {
				v = b
				continue
			}
			o.root, o.target = x, x.Name()+", declared outside the callback"
			return o
		case *ssa.Alloc:
			o.root = x
			if tr.within(x.Parent()) {
				o.local = true
			} else {
				o.target = x.Comment + ", declared outside the callback"
			}
			return o
		case *ssa.MakeSlice, *ssa.MakeMap, *ssa.MakeChan:
			o.root = v
			o.local = tr.within(v.Parent())
			return o
		case *ssa.Global:
			o.root, o.target = x, "global "+x.Name()
			return o
		}
		o.root = v
		return o
	}
}

// fieldName returns the name of the field that fa addresses.
func fieldName(fa *ssa.FieldAddr) string {
	t := fa.X.Type().Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	if s, ok := t.(*types.Struct); ok && fa.Field < s.NumFields() {
		return s.Field(fa.Field).Name()
	}
	return "?"
}
