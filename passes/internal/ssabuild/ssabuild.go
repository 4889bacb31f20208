// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package ssabuild builds SSA for the packages that can hold a database
// resource, and for no others.
//
// It replaces x/tools' buildssa for dbleaklint. buildssa requires the
// ctrlflow analyzer to learn which functions never return, and ctrlflow
// exports facts; an analyzer with facts makes the standalone driver
// parse and type-check every dependency from source, the standard
// library included, which costs more than all of dbleaklint's own work.
// This analyzer has no requirements: dependencies stay export data, and
// no-return knowledge comes from a table of well-known functions
// (os.Exit, log.Fatal, t.Fatal, ...) plus the functions that end in one,
// the package's own and, through a fact, those of the packages it
// imports that can reach a resource (see noreturn.go).
//
// Packages whose import graph cannot reach a package of the resource
// model (database/sql, pgx, sqlx, a configured resource's package) are
// skipped before anything is built: their Result has a nil Pkg. The
// standalone loader decides alike with the same function, in
// internal/reach.
package ssabuild

import (
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/internal/reach"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// Analyzer builds the SSA form of packages that can hold resources.
var Analyzer = &analysis.Analyzer{
	Name:       "dbleaklint_ssa",
	Doc:        "build SSA for packages that can reach database/sql or pgx (internal to dbleaklint)",
	Run:        run,
	ResultType: reflect.TypeFor[*SSA](),
	FactTypes:  []analysis.Fact{new(noReturn)},
	// A package that does not type-check is reported by the driver;
	// this analyzer then builds nothing, so that the checks finish
	// quietly instead of each printing "failed prerequisites".
	RunDespiteErrors: true,
}

// SSA is the result of [Analyzer].
type SSA struct {
	// Pkg is the package's SSA form, or nil if the package cannot
	// reach a resource type and was skipped.
	Pkg *ssa.Package
	// SrcFuncs lists the package's source functions, closures
	// included, in source order.
	SrcFuncs []*ssa.Function
}

// Model is the resource model that decides which packages are built.
// It is the built-in table; user resources extend it.
var Model = resource.Default

func run(pass *analysis.Pass) (any, error) {
	if len(pass.TypeErrors) > 0 || !reach.Types(Model.Roots()).Reaches(pass.Pkg) {
		return &SSA{}, nil
	}
	prog := ssa.NewProgram(pass.Fset, 0)
	prog.SetNoReturn(noReturnFuncs(pass))
	for _, p := range pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()
	return &SSA{Pkg: pkg, SrcFuncs: srcFuncs(pass, prog)}, nil
}

// srcFuncs lists the source functions and their closures in source order.
func srcFuncs(pass *analysis.Pass, prog *ssa.Program) []*ssa.Function {
	var funcs []*ssa.Function
	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if decl, ok := decl.(*ast.FuncDecl); ok {
				fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
				if f := prog.FuncValue(fn); fn != nil && f != nil {
					add(f)
				}
			}
		}
	}
	return funcs
}
