// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package escape

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// checker holds what the walks of the callbacks of one package share.
type checker struct {
	pkg      *ssa.Package
	funcs    []*ssa.Function
	bindings map[*ssa.FreeVar]ssa.Value // built on first use
	reported map[token.Pos]bool
	res      *Result
}

// A callback is a function that a scoped helper runs with a connection
// or transaction, its last parameter.
type callback struct {
	fn *ssa.Function
	h  resource.ScopedHelper
}

// callbacks returns the callbacks of the calls to a scoped helper in the
// package, each once, in the order of the calls, and records in the
// Result the calls whose callback it cannot check.
func (c *checker) callbacks() []callback {
	var out []callback
	seen := make(map[*ssa.Function]bool)
	for _, fn := range c.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				cb, ok := c.callbackOf(call)
				if ok && !seen[cb.fn] {
					seen[cb.fn] = true
					out = append(out, cb)
				}
			}
		}
	}
	return out
}

// callbackOf returns the callback of call when call is to a scoped
// helper and its callback is a function of this package with a body.
// A call to a helper whose callback is not is recorded as unchecked.
func (c *checker) callbackOf(call ssa.CallInstruction) (callback, bool) {
	common := call.Common()
	h, ok := resource.ScopedHelperOf(fullName(common.StaticCallee()))
	if !ok || len(common.Args) == 0 {
		return callback{}, false
	}
	fn := c.funcOf(common.Args[len(common.Args)-1])
	if fn == nil || len(fn.Params) == 0 || fn.Blocks == nil {
		c.res.Unchecked = append(c.res.Unchecked, &Unchecked{Pos: call.Pos(), Helper: h.Name})
		return callback{}, false
	}
	return callback{fn: fn, h: h}, true
}

// funcOf returns the function of this package that v, the callback
// argument of a helper, denotes: a function literal (with or without free
// variables), a function, or a method value. It returns nil otherwise.
func (c *checker) funcOf(v ssa.Value) *ssa.Function {
	var fn *ssa.Function
	switch v := v.(type) {
	case *ssa.Function:
		fn = v
	case *ssa.MakeClosure:
		fn, _ = v.Fn.(*ssa.Function)
		if fn != nil && fn.Synthetic != "" {
			// A method value: the bound-method wrapper's object is
			// the method.
			obj, _ := fn.Object().(*types.Func)
			if obj == nil {
				return nil
			}
			fn = c.pkg.Prog.FuncValue(obj)
		}
	}
	if fn == nil || fn.Pkg != c.pkg {
		return nil
	}
	return fn
}

// fullName returns the FullName of the function fn was built from, or "".
func fullName(fn *ssa.Function) string {
	if fn == nil {
		return ""
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return ""
	}
	return obj.Origin().FullName()
}

// binding returns the value bound to the free variable fv where its
// closure is made, or nil.
func (c *checker) binding(fv *ssa.FreeVar) ssa.Value {
	if c.bindings == nil {
		c.bindings = make(map[*ssa.FreeVar]ssa.Value)
		for _, fn := range c.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if mc, ok := instr.(*ssa.MakeClosure); ok {
						c.bind(mc)
					}
				}
			}
		}
	}
	return c.bindings[fv]
}

// bind records the values that mc binds to the free variables of its
// function.
func (c *checker) bind(mc *ssa.MakeClosure) {
	inner, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return
	}
	for i, bv := range mc.Bindings {
		if i < len(inner.FreeVars) {
			c.bindings[inner.FreeVars[i]] = bv
		}
	}
}

// report records the finding msg at pos, once per position.
func (c *checker) report(pos token.Pos, msg string) {
	if c.reported == nil {
		c.reported = make(map[token.Pos]bool)
	}
	if c.reported[pos] {
		return
	}
	c.reported[pos] = true
	c.res.Findings = append(c.res.Findings, &Finding{Pos: pos, Message: msg})
}

// describe formats an escape for a message.
func (tr *tracker) describe(how string) string {
	return fmt.Sprintf("%s %s escapes the %s callback: %s; the %s is %s when the callback returns",
		tr.h.Noun, tr.name, tr.h.Name, how, tr.h.Noun, tr.h.End)
}
