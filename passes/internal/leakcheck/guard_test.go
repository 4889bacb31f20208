// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakcheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// TestReportPanic checks that a panic while reporting one finding (here
// a finding without a resource type, which the message needs) costs
// that finding only: the check reports the others and fails with an
// error that names the function, and, with -debug, gives the stack.
func TestReportPanic(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", "package p\n\nfunc good() {}\n\nfunc bad() {}\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{}, fset, types.NewPackage("p", "p"), []*ast.File{f}, 0)
	if err != nil {
		t.Fatal(err)
	}
	finding := func(fn *ssa.Function, typ *resource.Type) *leakflow.Finding {
		return &leakflow.Finding{Type: typ, Fn: fn, Acquire: fn.Pos(), Exits: []token.Pos{fn.Pos()}, Message: "leak in " + fn.Name()}
	}
	res := &leakflow.Result{Findings: []*leakflow.Finding{
		finding(pkg.Func("bad"), nil),
		finding(pkg.Func("good"), resource.Builtin().Types()[0]),
	}}

	for _, debug := range []bool{false, true} {
		var reported []string
		pass := &analysis.Pass{
			Fset:      fset,
			Files:     []*ast.File{f},
			Pkg:       pkg.Pkg,
			ResultOf:  map[*analysis.Analyzer]any{leakflow.Analyzer: res},
			Report:    func(d analysis.Diagnostic) { reported = append(reported, d.Message) },
			TypesInfo: &types.Info{},
		}
		c := &check{name: "rowsclose", debug: debug, belongs: func(*leakflow.Finding) bool { return true }}
		_, err := c.run(pass)
		if len(reported) != 1 || reported[0] != "leak in good" {
			t.Errorf("debug=%v: reported %q, want good's finding only", debug, reported)
		}
		if err == nil {
			t.Fatalf("debug=%v: no error", debug)
		}
		first, stack, _ := strings.Cut(err.Error(), "\n")
		if !strings.HasPrefix(first, "internal error analyzing p.bad: ") {
			t.Errorf("debug=%v: error %q does not name the function", debug, first)
		}
		if got := strings.Contains(stack, "leakcheck.go"); got != debug {
			t.Errorf("debug=%v: the error has the stack: %v, want %v:\n%s", debug, got, debug, err)
		}
		if !debug && !strings.HasSuffix(first, "(please report it; -rowsclose.debug prints the stack)") {
			t.Errorf("error %q does not say how to get the stack", first)
		}
	}
}
