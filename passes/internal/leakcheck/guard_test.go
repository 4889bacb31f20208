// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakcheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
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
	var rows *resource.Type
	for _, typ := range resource.Builtin().Types() {
		if typ.Check == check.RowsClose {
			rows = typ
		}
	}
	res := &leakflow.Result{Findings: []*leakflow.Finding{
		finding(pkg.Func("bad"), nil),
		finding(pkg.Func("good"), rows),
	}}

	for _, debug := range []bool{false, true} {
		cfg := config.MustNew(config.Settings{})
		a := For(cfg, check.RowsClose, "// Package rowsclose reports rows.\n//\n// # Analyzer rowsclose\n//\n// rowsclose: report rows\npackage rowsclose\n")
		if err := a.Flags.Set("debug", fmt.Sprint(debug)); err != nil {
			t.Fatal(err)
		}
		c := &leakCheck{id: check.RowsClose, config: cfg, engine: leakflow.For(cfg)}
		var reported []string
		pass := &analysis.Pass{
			Fset:      fset,
			Files:     []*ast.File{f},
			Pkg:       pkg.Pkg,
			ResultOf:  map[*analysis.Analyzer]any{c.engine: res, cfg.Analyzer: cfg.Model()},
			Report:    func(d analysis.Diagnostic) { reported = append(reported, d.Message) },
			TypesInfo: &types.Info{},
		}
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
