// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// A wrapper type is a struct type of the package with a field holding a
// resource and a Close- or Release-style method that releases the field
// on every normal exit: a repository holding its rows, a unit of work
// holding its transaction. It becomes a resource itself, reported by
// the check of the field's resource; a constructor that returns a fresh
// one is an acquisition for its callers.

// wrapperMethods are the names, besides the releasing methods of the
// field's own type, that a wrapper's releasing method may have.
var wrapperMethods = []string{"Close", "Release"}

// findWrappers finds the wrapper types among the receivers of funcs,
// exports their facts, and returns them as resource types.
func (e *engine) findWrappers(funcs []*ssa.Function) []*resource.Type {
	type candidate struct {
		named    *types.Named
		field    string
		check    check.ID
		releases []string
		next     bool // a Next method delegates to the field's
	}
	found := make(map[*types.Named]*candidate)
	var order []*types.Named
	for _, fn := range funcs {
		named, ptr := receiverNamed(fn)
		if named == nil || named.Obj().Pkg() != e.pass.Pkg || named.TypeParams().Len() > 0 {
			continue
		}
		st, ok := named.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := range st.NumFields() {
			field := st.Field(i)
			ft := e.model.TypeOf(field.Type())
			if ft == nil || !(ft.IsRelease(fn.Name()) || slices.Contains(wrapperMethods, fn.Name())) {
				continue
			}
			if !e.releasesField(fn, i, ptr, ft) {
				continue
			}
			c := found[named]
			if c == nil {
				c = &candidate{named: named, field: field.Name(), check: ft.Check}
				found[named] = c
				order = append(order, named)
			}
			c.next = c.next || hasDelegatingNext(funcs, named, i, ft)
			if c.field == field.Name() && !slices.Contains(c.releases, fn.Name()) {
				c.releases = append(c.releases, fn.Name())
			}
		}
	}
	var out []*resource.Type
	for _, named := range order {
		c := found[named]
		slices.Sort(c.releases)
		f := &WrapperFact{Check: c.check, Field: c.field, Releases: c.releases, Next: c.next}
		e.pass.ExportObjectFact(named.Obj(), f)
		out = append(out, wrapperType(named.Obj(), f))
	}
	return out
}

// hasDelegatingNext reports whether named has a Next method among funcs
// that delegates to the Next of its field i.
func hasDelegatingNext(funcs []*ssa.Function, named *types.Named, i int, typ *resource.Type) bool {
	for _, fn := range funcs {
		if n, ptr := receiverNamed(fn); n == named && delegatesNext(fn, i, ptr, typ) {
			return true
		}
	}
	return false
}

// wrapperType is the resource type of a wrapper.
func wrapperType(tn *types.TypeName, f *WrapperFact) *resource.Type {
	missing := "closed"
	if !slices.Contains(f.Releases, "Close") {
		missing = "released (" + strings.Join(f.Releases, " or ") + ")"
	}
	return &resource.Type{
		Key:      "*" + tn.Pkg().Path() + "." + tn.Name(),
		Check:    f.Check,
		Noun:     tn.Name(),
		Releases: f.Releases,
		Missing:  missing,
		Fix:      "defer %s." + f.Releases[0] + "() after the error check",

		NextFalseReleases: f.Next,
	}
}

// receiverNamed returns the named type of fn's receiver and whether the
// receiver is a pointer, or nil.
func receiverNamed(fn *ssa.Function) (*types.Named, bool) {
	recv := fn.Signature.Recv()
	if recv == nil || fn.Synthetic != "" || len(fn.Params) == 0 {
		return nil, false
	}
	t, ptr := types.Unalias(recv.Type()), false
	if p, ok := t.(*types.Pointer); ok {
		t, ptr = types.Unalias(p.Elem()), true
	}
	named, _ := t.(*types.Named)
	return named, ptr
}

// releasesField reports whether method fn releases field i of its
// receiver on every normal exit: the field's loads are the resource.
func (e *engine) releasesField(fn *ssa.Function, i int, ptr bool, typ *resource.Type) bool {
	a := fieldAliases(fn, i, ptr, typ)
	if a == nil {
		return false
	}
	w := &walker{e: e, fn: fn, a: a}
	w.walk(fn.Blocks[0], 0, state{})
	return w.out.released && len(w.out.leaks) == 0 && w.out.escape == "" && !w.out.returned
}

// delegatesNext reports whether fn is a Next() bool method that returns
// what Next of field i of its receiver returns, on every return: the
// wrapper's rows are drained, so closed, when it returns false.
func delegatesNext(fn *ssa.Function, i int, ptr bool, typ *resource.Type) bool {
	sig := fn.Signature
	if fn.Name() != "Next" || !typ.NextFalseReleases || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	a := fieldAliases(fn, i, ptr, typ)
	if a == nil {
		return false
	}
	returns := 0
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		call, ok := ret.Results[0].(*ssa.Call)
		if !ok || !isMethodOn(a, &call.Call, "Next") {
			return false
		}
		returns++
	}
	return returns > 0
}

// fieldAliases returns the aliases of field i of fn's receiver: its
// loads in fn; nil if there are none.
func fieldAliases(fn *ssa.Function, i int, ptr bool, typ *resource.Type) *aliases {
	if len(fn.Blocks) == 0 {
		return nil
	}
	recv := fn.Params[0]
	a := newAliases(typ)
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			switch ins := ins.(type) {
			case *ssa.FieldAddr:
				if ptr && ins.X == recv && ins.Field == i {
					for _, r := range *ins.Referrers() {
						if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL {
							a.addValue(load)
						}
					}
				}
			case *ssa.Field:
				if !ptr && ins.X == recv && ins.Field == i {
					a.addValue(ins)
				}
			}
		}
	}
	if len(a.vals) == 0 {
		return nil
	}
	return a
}
