// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package escape

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
	v := addr
	for first := true; ; first = false {
		next := tr.step(&o, v, first)
		if next == nil {
			break
		}
		v = next
	}
	tr.root(&o, v)
	return o
}

// step returns the value that v, an address or a map on the way to the
// storage, was taken from, noting the field or element it selects; or
// nil when v is the storage itself.
func (tr *tracker) step(o *origin, v ssa.Value, first bool) ssa.Value {
	switch x := v.(type) {
	case *ssa.FieldAddr:
		if first {
			o.field = fieldName(x)
		}
		return x.X
	case *ssa.IndexAddr:
		o.elem = o.elem || first
		return x.X
	case *ssa.Slice:
		return x.X
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil
		}
		// A slice, map or pointer loaded from a variable or a field:
		// where that was loaded from decides.
		if fa, ok := x.X.(*ssa.FieldAddr); ok && o.field == "" {
			o.field = fieldName(fa)
		}
		return x.X
	case *ssa.FreeVar:
		// The variable of the enclosing function, where bound.
		return tr.binding(x)
	}
	return nil
}

// root records the storage v that the way leads to: whether the
// callback owns it and, if not, its name for messages.
func (tr *tracker) root(o *origin, v ssa.Value) {
	o.root = v
	switch x := v.(type) {
	case *ssa.FreeVar:
		o.target = x.Name() + ", declared outside the callback"
	case *ssa.Alloc:
		o.local = tr.within(x.Parent())
		if !o.local {
			o.target = x.Comment + ", declared outside the callback"
		}
	case *ssa.MakeSlice, *ssa.MakeMap, *ssa.MakeChan:
		o.local = tr.within(v.Parent())
	case *ssa.Global:
		o.target = "global " + x.Name()
	}
}

// storedIn describes a store to storage of this origin, for messages.
func (o origin) storedIn() string {
	switch {
	case o.field != "" && o.target != "":
		return "stored in field " + o.field + " of " + o.target
	case o.field != "":
		return "stored in field " + o.field
	case o.elem && o.target != "":
		return "stored in an element of " + o.target
	case o.elem:
		return "stored in a slice or array element"
	case o.target != "":
		return "assigned to " + o.target
	}
	return "stored through a pointer"
}

// inMap describes a store in a map of this origin, for messages.
func (o origin) inMap() string {
	switch {
	case o.field != "" && o.target != "":
		return "stored in a map in field " + o.field + " of " + o.target
	case o.field != "":
		return "stored in a map in field " + o.field
	case o.target != "":
		return "stored in a map held by " + o.target
	}
	return "stored in a map"
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
