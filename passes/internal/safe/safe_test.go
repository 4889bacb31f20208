// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package safe_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/safe"
)

// src is the package p whose functions the tests analyze.
const src = "package p\n\nfunc f() {}\n\ntype T struct{}\n\nfunc (*T) M() {}\n"

// build returns the SSA package p of src.
func build(t *testing.T) *ssa.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{}, fset, types.NewPackage("p", "p"), []*ast.File{f}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// fn returns the function p.f.
func fn(t *testing.T) *ssa.Function {
	t.Helper()
	fn := build(t).Func("f")
	if fn == nil {
		t.Fatal("no function f")
	}
	return fn
}

func TestAnalyzeNoPanic(t *testing.T) {
	ran := false
	if err := safe.Analyze(check.RowsClose, fn(t), func() { ran = true }); err != nil {
		t.Errorf("Analyze = %v, want nil", err)
	}
	if !ran {
		t.Error("Analyze did not run the analysis")
	}
}

func TestAnalyzePanic(t *testing.T) {
	err := safe.Analyze(check.ScopeEscape, fn(t), func() { panic("boom") })
	if err == nil {
		t.Fatal("Analyze = nil, want the recovered panic")
	}
	if err.Check != check.ScopeEscape || err.Func != "p.f" || err.Panic != "boom" {
		t.Errorf("Error = {Check: %v, Func: %q, Panic: %v}, want {scopeescape, p.f, boom}", err.Check, err.Func, err.Panic)
	}
	if want := "internal error analyzing p.f: boom"; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
	// The stack is the panicking goroutine's: it shows the closure of
	// this test that panicked.
	if !strings.Contains(string(err.Stack), "safe_test.go") || !strings.Contains(string(err.Stack), "TestAnalyzePanic") {
		t.Errorf("Stack does not show the panic in TestAnalyzePanic:\n%s", err.Stack)
	}

	quiet := err.Report(check.ScopeEscape, false).Error()
	if want := "internal error analyzing p.f: boom (please report it; -scopeescape.debug prints the stack)"; quiet != want {
		t.Errorf("Report(debug=false) = %q, want %q", quiet, want)
	}
	loud := err.Report(check.ScopeEscape, true).Error()
	first, stack, _ := strings.Cut(loud, "\n")
	if first != "internal error analyzing p.f: boom" || !strings.Contains(stack, "safe_test.go") {
		t.Errorf("Report(debug=true) = %q, want the message, then the stack", loud)
	}
}

// A method is named with its receiver, and the package as a whole (no
// function) is named too, so that the error always says where.
func TestAnalyzeNames(t *testing.T) {
	pkg := build(t)
	m, _, _ := types.LookupFieldOrMethod(types.NewPointer(pkg.Pkg.Scope().Lookup("T").Type()), false, pkg.Pkg, "M")
	method := pkg.Prog.FuncValue(m.(*types.Func))
	for _, tc := range []struct {
		fn   *ssa.Function
		want string
	}{
		{method, "(*p.T).M"},
		{nil, "the package"},
	} {
		err := safe.Analyze(check.None, tc.fn, func() {
			var v any = tc.want
			_ = v.(int) // a runtime panic, not a call to panic
		})
		if err == nil || err.Func != tc.want || err.Check != check.None {
			t.Errorf("Analyze(%v) = %+v, want Func %q and no check", tc.fn, err, tc.want)
		}
	}
}
