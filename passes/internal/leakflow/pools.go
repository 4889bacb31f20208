// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// Pool identity for nestedacquire: two calls use the same pool when
// their pool values lead to the same SSA value (a parameter, a global,
// a captured variable, a call's result) through the same fields. A
// captured variable is followed into the enclosing function, and the
// *sql.DB that an *sqlx.DB embeds is the *sqlx.DB's pool. Anything else
// (two different values, a phi of pools) is a different key: the check
// only reports pools it can show to be the same.

// A poolKey names a pool: a base value and the field indices on the way
// from it, such as ".2" for s.pool when s is the base.
type poolKey struct {
	base ssa.Value
	path string
}

// A poolUse is a pool a function takes a connection from: one reached
// from its parameter param through path, or the package-level
// variable global (param is then -1).
type poolUse struct {
	param  int
	path   string
	global *ssa.Global
}

// poolIndex memoizes what nestedacquire learns of a package's functions.
type poolIndex struct {
	uses     map[*ssa.Function][]poolUse
	bindings map[*ssa.FreeVar]ssa.Value
}

func (e *engine) poolIndex() *poolIndex {
	if e.pools == nil {
		e.pools = &poolIndex{uses: make(map[*ssa.Function][]poolUse), bindings: make(map[*ssa.FreeVar]ssa.Value)}
	}
	return e.pools
}

// poolOf returns the key of the pool v, or false if v is not a pool.
func (e *engine) poolOf(v ssa.Value) (poolKey, bool) {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	if !resource.IsPool(v.Type()) {
		return poolKey{}, false
	}
	return e.canonPool(v), true
}

// canonPool follows v back to the value it is read from.
func (e *engine) canonPool(v ssa.Value) poolKey {
	path := ""
	for range 64 { // bounded: a chain of loads and fields is short
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Field:
			path = "." + strconv.Itoa(x.Field) + path
			v = x.X
			continue
		case *ssa.FreeVar:
			if b := e.binding(x); b != nil {
				v = b
				continue
			}
		case *ssa.Alloc:
			// A variable's cell: the one value stored into it, if only
			// one is (a parameter spilled because a closure captures it).
			if stored := onlyStore(x); stored != nil {
				v = stored
				continue
			}
		case *ssa.Call:
			if callee := x.Call.StaticCallee(); callee != nil && len(x.Call.Args) == 1 {
				if obj := funcObject(callee); obj != nil && resource.PoolAccessor(obj) {
					v = x.Call.Args[0] // p.Pgx() is p's pool
					continue
				}
			}
		case *ssa.UnOp:
			if x.Op != token.MUL {
				break
			}
			if fa, ok := x.X.(*ssa.FieldAddr); ok {
				if !embeddedPool(fa) {
					path = "." + strconv.Itoa(fa.Field) + path
				}
				v = fa.X
				continue
			}
			v = x.X // a load of a variable's cell or a global
			continue
		}
		break
	}
	return poolKey{v, path}
}

// embeddedPool reports whether fa is the address of the *sql.DB that an
// *sqlx.DB embeds.
func embeddedPool(fa *ssa.FieldAddr) bool {
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	return ok && fa.Field < st.NumFields() && resource.EmbeddedPool(fa.X.Type(), st.Field(fa.Field))
}

// onlyStore returns the value stored into the cell a if it has exactly
// one store and is not otherwise written through, or nil.
func onlyStore(a *ssa.Alloc) ssa.Value {
	var stored ssa.Value
	refs := a.Referrers()
	if refs == nil {
		return nil
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a || stored != nil {
				return nil
			}
			stored = r.Val
		case *ssa.UnOp, *ssa.MakeClosure, *ssa.DebugRef:
		default:
			return nil // its address escapes: it may be written elsewhere
		}
	}
	return stored
}

// binding returns the value that the closure creating fv's function
// binds to it, or nil.
func (e *engine) binding(fv *ssa.FreeVar) ssa.Value {
	idx := e.poolIndex()
	if b, ok := idx.bindings[fv]; ok {
		return b
	}
	var out ssa.Value
	fn := fv.Parent()
	if i := slices.Index(fn.FreeVars, fv); i >= 0 && fn.Parent() != nil {
		for _, b := range fn.Parent().Blocks {
			for _, ins := range b.Instrs {
				if mc, ok := ins.(*ssa.MakeClosure); ok && mc.Fn == fn && i < len(mc.Bindings) {
					out = mc.Bindings[i]
				}
			}
		}
	}
	idx.bindings[fv] = out
	return out
}

// poolsTaken returns the pools from which the call takes a connection:
// a pool method (pool.Query), a function given a pool (sqlx.Get(db,
// ...), pgx.BeginFunc(ctx, pool, ...)), or a function that takes one
// from the pool it is passed, or from a field of it (by its summary or
// its fact).
func (e *engine) poolsTaken(c *ssa.CallCommon) []poolKey {
	callee := c.StaticCallee()
	if callee == nil {
		return nil
	}
	obj := funcObject(callee)
	if obj != nil {
		if pc, ok := resource.PoolCallOf(obj); ok {
			if pc.Pool < len(c.Args) {
				if k, ok := e.poolOf(c.Args[pc.Pool]); ok {
					return []poolKey{k}
				}
			}
			return nil
		}
	}
	var out []poolKey
	for _, u := range e.poolUses(callee) {
		switch {
		case u.global != nil:
			out = append(out, poolKey{base: u.global, path: u.path})
		case u.param < len(c.Args):
			k := e.canonPool(c.Args[u.param])
			k.path += u.path
			out = append(out, k)
		}
	}
	return out
}

// poolUses returns the pools fn takes a connection from, read from its
// body for a function of this package, from its fact otherwise.
func (e *engine) poolUses(fn *ssa.Function) []poolUse {
	fn = origin(fn)
	if !e.isLocal(fn) {
		if f := e.facts.funcFact(funcObject(fn)); f != nil {
			return parsePoolUses(f.Pools)
		}
		return nil
	}
	idx := e.poolIndex()
	if uses, ok := idx.uses[fn]; ok {
		return uses
	}
	idx.uses[fn] = nil // recursion: what the cycle adds is found elsewhere
	var uses []poolUse
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			for _, k := range e.poolsTaken(&call.Call) {
				if u, ok := useOf(fn, k); ok && !slices.Contains(uses, u) {
					uses = append(uses, u)
				}
			}
		}
	}
	idx.uses[fn] = uses
	return uses
}

// useOf expresses the pool k, read in fn, as a use of fn's parameter or
// of a global, or false.
func useOf(fn *ssa.Function, k poolKey) (poolUse, bool) {
	switch b := k.base.(type) {
	case *ssa.Parameter:
		if i := slices.Index(fn.Params, b); i >= 0 {
			return poolUse{param: i, path: k.path}, true
		}
	case *ssa.Global:
		return poolUse{param: -1, path: k.path, global: b}, true
	}
	return poolUse{}, false
}

// poolFact encodes the pools fn takes from its parameters, for its
// FuncFact; globals stay within the package.
func (e *engine) poolFact(fn *ssa.Function) string {
	var parts []string
	for _, u := range e.poolUses(fn) {
		if u.global == nil && u.param < 64 {
			parts = append(parts, strconv.Itoa(u.param)+u.path)
		}
	}
	slices.Sort(parts)
	return strings.Join(parts, ";")
}

// parsePoolUses decodes FuncFact.Pools.
func parsePoolUses(s string) []poolUse {
	if s == "" {
		return nil
	}
	var out []poolUse
	for _, part := range strings.Split(s, ";") {
		head, path, _ := strings.Cut(part, ".")
		i, err := strconv.Atoi(head)
		if err != nil {
			continue
		}
		if path != "" {
			path = "." + path
		}
		out = append(out, poolUse{param: i, path: path})
	}
	return out
}
