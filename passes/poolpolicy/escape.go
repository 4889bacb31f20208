// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package poolpolicy

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/ssabuild"
)

// helper describes a function that hands a connection or a transaction to
// a callback (its last argument) and ends it when the callback returns.
type helper struct {
	name string // in messages
	noun string // what the callback receives
	end  string // what happens to it when the callback returns
}

// scopedHelpers lists the helpers whose callbacks are checked, by
// types.Func.FullName.
var scopedHelpers = map[string]helper{
	"(*" + runtimePath + ".Pool).WithConn":                {"(*dbleakrt.Pool).WithConn", "connection", "released"},
	"(*" + runtimePath + ".Pool).WithTx":                  {"(*dbleakrt.Pool).WithTx", "transaction", "committed or rolled back"},
	runtimePath + ".Savepoint":                            {"dbleakrt.Savepoint", "transaction", "released or rolled back"},
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).AcquireFunc": {"(*pgxpool.Pool).AcquireFunc", "connection", "released"},
	"github.com/jackc/pgx/v5.BeginFunc":                   {"pgx.BeginFunc", "transaction", "committed or rolled back"},
	"github.com/jackc/pgx/v5.BeginTxFunc":                 {"pgx.BeginTxFunc", "transaction", "committed or rolled back"},
}

// goStarters run their function argument in a new goroutine.
var goStarters = map[string]bool{
	"(*sync.WaitGroup).Go":                   true,
	"(*golang.org/x/sync/errgroup.Group).Go": true,
}

// mapStores store their arguments in the map that is their receiver.
var mapStores = map[string]bool{
	"(*sync.Map).Store":       true,
	"(*sync.Map).LoadOrStore": true,
	"(*sync.Map).Swap":        true,
}

// checkEscapes checks the callback of every call to a scoped helper in the
// package, once per callback function.
func checkEscapes(pass *analysis.Pass, res *ssabuild.SSA, report func(analysis.Diagnostic)) {
	c := &escapeChecker{pass: pass, pkg: res.Pkg, funcs: res.SrcFuncs, emit: report}
	done := make(map[*ssa.Function]bool)
	for _, fn := range res.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				h, ok := scopedHelpers[fullName(call.Common().StaticCallee())]
				if !ok || len(call.Common().Args) == 0 {
					continue
				}
				args := call.Common().Args
				cb := c.callback(args[len(args)-1])
				if cb == nil || done[cb] || len(cb.Params) == 0 || cb.Blocks == nil {
					continue
				}
				done[cb] = true
				newTracker(c, cb, h).run()
			}
		}
	}
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

// escapeChecker holds what the trackers of one package share.
type escapeChecker struct {
	pass     *analysis.Pass
	pkg      *ssa.Package
	funcs    []*ssa.Function
	bindings map[*ssa.FreeVar]ssa.Value // built on first use
	reported map[token.Pos]bool
	emit     func(analysis.Diagnostic) // reports, unless a directive silences
}

// callback returns the function of this package that v, the callback
// argument of a helper, denotes: a function literal (with or without free
// variables), a function, or a method value. It returns nil otherwise.
func (c *escapeChecker) callback(v ssa.Value) *ssa.Function {
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

// binding returns the value bound to the free variable fv where its
// closure is made, or nil.
func (c *escapeChecker) binding(fv *ssa.FreeVar) ssa.Value {
	if c.bindings == nil {
		c.bindings = make(map[*ssa.FreeVar]ssa.Value)
		for _, fn := range c.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					mc, ok := instr.(*ssa.MakeClosure)
					if !ok {
						continue
					}
					inner, ok := mc.Fn.(*ssa.Function)
					if !ok {
						continue
					}
					for i, bv := range mc.Bindings {
						if i < len(inner.FreeVars) {
							c.bindings[inner.FreeVars[i]] = bv
						}
					}
				}
			}
		}
	}
	return c.bindings[fv]
}

// report reports msg at pos, once per position.
func (c *escapeChecker) report(pos token.Pos, msg string) {
	if c.reported == nil {
		c.reported = make(map[token.Pos]bool)
	}
	if c.reported[pos] {
		return
	}
	c.reported[pos] = true
	c.emit(analysis.Diagnostic{Pos: pos, Message: msg})
}

// mayHold reports whether a value of type t can hold a pointer, and so
// the callback's connection or transaction.
func mayHold(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Kind() == types.UnsafePointer
	}
	return true
}

// describe formats an escape for a message.
func (tr *tracker) describe(how string) string {
	return fmt.Sprintf("%s %s escapes the %s callback: %s; the %s is %s when the callback returns",
		tr.h.noun, tr.name, tr.h.name, how, tr.h.noun, tr.h.end)
}
