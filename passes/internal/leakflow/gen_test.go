// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

// Generators of large functions for the engine's benchmarks and its
// linear-work test (bench_test.go). Each shape writes one function F of
// size n into a package that imports database/sql; build type-checks it
// and builds its SSA form with the settings of ssabuild.

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/ssabuild"
)

// A shape generates the body of F for a size n and says which leaks
// the engine must find in it.
type shape struct {
	name string
	gen  func(g *gen, n int) want
}

// want is the leaks a generated function holds: the number of leaking
// exits of each kind, one finding per kind with exits.
type want map[ExitKind]int

var shapes = []shape{
	{"branches", genBranches},
	{"loops3", func(g *gen, n int) want { return genLoops(g, n, 3) }},
	{"loops6", func(g *gen, n int) want { return genLoops(g, n, 6) }},
	{"many", genMany},
	{"switch", genSwitch},
	{"errphis", genErrPhis},
}

// sizes are the values of n the benchmarks and the test use.
var sizes = []int{1000, 2000, 4000}

// gen writes indented Go source.
type gen struct {
	b     strings.Builder
	depth int
}

func (g *gen) line(format string, args ...any) {
	g.b.WriteString(strings.Repeat("\t", g.depth))
	fmt.Fprintf(&g.b, format, args...)
	g.b.WriteByte('\n')
}

// open writes a line that opens a block.
func (g *gen) open(format string, args ...any) {
	g.line(format, args...)
	g.depth++
}

// close ends the innermost block.
func (g *gen) close() {
	g.depth--
	g.line("}")
}

// orElse ends the body of an if statement and opens its else branch.
func (g *gen) orElse() {
	g.depth--
	g.line("} else {")
	g.depth++
}

// acquire writes "rows, err := db.QueryContext(...)" and its error
// check.
func (g *gen) acquire(rows string) {
	g.line("%s, err := db.QueryContext(ctx, %q)", rows, "SELECT "+rows)
	g.open("if err != nil {")
	g.line("return err")
	g.close()
}

// when writes "if x == i { body }".
func (g *gen) when(i int, body ...string) {
	g.open("if x == %d {", i)
	for _, s := range body {
		g.line("%s", s)
	}
	g.close()
}

// genBranches: one acquisition, then n if statements in sequence. Half
// of them join again, so a function has 2^(n/2) paths in O(n) blocks;
// a quarter close and return, a quarter return while the rows are held.
func genBranches(g *gen, n int) want {
	g.open("func F(ctx context.Context, db *sql.DB, x int) error {")
	g.acquire("rows")
	leaks := 0
	for i := range n {
		switch i % 4 {
		case 0:
			g.open("if x == %d {", i)
			g.line("x += %d", i)
			g.orElse()
			g.line("x--")
			g.close()
		case 1:
			g.when(i, "rows.Close()", "return nil")
		case 2:
			g.when(i, "x++")
		case 3:
			g.when(i, "return nil")
			leaks++
		}
	}
	g.line("rows.Close()")
	g.line("return nil")
	g.close()
	return want{Return: leaks}
}

// genErrPhis: one acquisition whose error is checked only at the end,
// after n if statements: half may overwrite the error (a chain of error
// phis, each a bit of the walk's state), half test the same condition
// (a correlated branch, remembered in the state too). The final check
// does not prove nothing held on the paths that overwrote the error,
// so its return leaks; widening keeps the states of a block few.
func genErrPhis(g *gen, n int) want {
	g.open("func F(ctx context.Context, db *sql.DB, x int, b bool) error {")
	g.line("rows, err := db.QueryContext(ctx, %q)", "SELECT rows")
	for i := range n {
		if i%2 == 0 {
			g.when(i, "err = ctx.Err()")
		} else {
			g.open("if b {")
			g.line("x++")
			g.close()
		}
	}
	g.open("if err != nil {")
	g.line("return err")
	g.close()
	g.line("rows.Close()")
	g.line("return nil")
	g.close()
	return want{Return: 1}
}

// genSwitch: one acquisition, then a switch with n cases; a third of
// them close and return, a third return while the rows are held.
func genSwitch(g *gen, n int) want {
	g.open("func F(ctx context.Context, db *sql.DB, x int) error {")
	g.acquire("rows")
	g.line("switch x {")
	leaks := 0
	for i := range n {
		g.line("case %d:", i)
		g.depth++
		switch i % 3 {
		case 0:
			g.line("rows.Close()")
			g.line("return nil")
		case 1:
			g.line("return nil")
			leaks++
		case 2:
			g.line("x += %d", i)
		}
		g.depth--
	}
	g.line("}")
	g.line("rows.Close()")
	g.line("return nil")
	g.close()
	return want{Return: leaks}
}

// genMany: n/10 acquisitions in sequence, each released by a defer, by
// a Close, or by a Close that an early return skips (a leak).
func genMany(g *gen, n int) want {
	g.open("func F(ctx context.Context, db *sql.DB, x int) error {")
	leaks := 0
	for j := range n / 10 {
		rows := fmt.Sprintf("rows%d", j)
		g.acquire(rows)
		switch j % 3 {
		case 0:
			g.line("defer %s.Close()", rows)
		case 1:
			g.line("%s.Close()", rows)
		case 2:
			g.when(j, "return nil")
			g.line("%s.Close()", rows)
			leaks++
		}
	}
	g.line("return nil")
	g.close()
	return want{Return: leaks}
}

// genLoops: depth nested for loops, one acquisition at the top of the
// innermost body, then n if statements that continue or break this loop
// or an outer one, return, or join again. The kinds are:
//
//	0: close, continue      3: continue an outer loop (leak)
//	1: continue (leak)      4: join again
//	2: close, break         5: break (leak)
//	                        6: return (leak)
//
// Leaks that end an iteration are found as the acquisition reached
// again; which findings they make is checked by the test, which only
// asserts that the continue leaks and the returns are found.
func genLoops(g *gen, n, depth int) want {
	var body gen
	body.depth = depth + 1
	used := make(map[int]bool) // loops an inner statement continues
	leaks := want{}
	for i := range n {
		switch i % 7 {
		case 0:
			body.when(i, "rows.Close()", "continue")
		case 1:
			body.when(i, "continue")
			leaks[Continue]++
		case 2:
			body.when(i, "rows.Close()", "break")
		case 3:
			outer := (i / 7) % (depth - 1)
			used[outer] = true
			body.when(i, fmt.Sprintf("continue L%d", outer))
		case 4:
			body.open("if x == %d {", i)
			body.line("x += %d", i)
			body.orElse()
			body.line("x--")
			body.close()
		case 5:
			body.when(i, "break")
		case 6:
			body.when(i, "return nil")
			leaks[Return]++
		}
	}

	g.open("func F(ctx context.Context, db *sql.DB, n int) error {")
	sum := make([]string, depth)
	for d := range depth {
		if used[d] {
			g.line("L%d:", d)
		}
		g.open("for i%d := 0; i%d < n; i%d++ {", d, d, d)
		sum[d] = fmt.Sprintf("i%d", d)
	}
	g.acquire("rows")
	g.line("x := %s", strings.Join(sum, " + "))
	g.b.WriteString(body.b.String())
	g.line("rows.Close()")
	for range depth {
		g.close()
	}
	g.line("return nil")
	g.close()
	return leaks
}

// source is the file holding the function of shape s and size n.
func source(s shape, n int) (string, want) {
	var g gen
	g.line("package bench")
	g.line("")
	g.line(`import (`)
	g.line(`	"context"`)
	g.line(`	"database/sql"`)
	g.line(`)`)
	g.line("")
	w := s.gen(&g, n)
	return g.b.String(), w
}

// generated is a generated function, type-checked and built.
type generated struct {
	pass   *analysis.Pass
	pkg    *ssa.Package
	fn     *ssa.Function
	blocks int
	instrs int
	want   want
}

// fset and imp are shared by every build, so that database/sql is
// type-checked from source once.
var (
	fset     = token.NewFileSet()
	imp      = importer.ForCompiler(fset, "source", nil)
	buildMu  sync.Mutex
	buildMap = make(map[string]*generated)
)

// build generates, type-checks and builds the function of shape s and
// size n, once per test binary.
func build(tb testing.TB, s shape, n int) *generated {
	tb.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	name := fmt.Sprintf("%s_%d.go", s.name, n)
	if g, ok := buildMap[name]; ok {
		return g
	}
	src, w := source(s, n)
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		tb.Fatalf("parse %s: %v", name, err)
	}
	files := []*ast.File{f}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Instances:    make(map[*ast.Ident]types.Instance),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{Importer: imp}
	pkg, err := conf.Check("bench", fset, files, info)
	if err != nil {
		tb.Fatalf("type-check %s: %v", name, err)
	}

	// As ssabuild does.
	prog := ssa.NewProgram(fset, 0)
	prog.SetNoReturn(ssabuild.IsNoReturnFunc)
	for _, p := range pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	spkg := prog.CreatePackage(pkg, files, info, false)
	spkg.Build()

	g := &generated{
		pass: &analysis.Pass{Fset: fset, Files: files, Pkg: pkg, TypesInfo: info},
		pkg:  spkg,
		fn:   spkg.Func("F"),
		want: w,
	}
	for _, b := range g.fn.Blocks {
		g.blocks++
		g.instrs += len(b.Instrs)
	}
	buildMap[name] = g
	return g
}
