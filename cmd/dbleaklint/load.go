// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// Loading happens in two steps, so that only the packages that can hold
// a database resource cost a parse and a type-check:
//
//  1. a cheap "go list -deps" (names and imports only, nothing compiled)
//     finds the targets whose import graph reaches a resource package;
//     when none does, the run ends there;
//  2. a "go list -deps -export" of those targets gives every package's
//     files and compiler export data; the packages that reach a resource
//     (the set src below) are parsed and type-checked from source, in
//     dependency order, and all others are read from export data.
//
// An analyzer with facts (passes/ownership) then runs on the source
// packages only: the others cannot mention a resource, so they have no
// facts to give. This is what keeps the standalone command cheaper than
// x/tools' multichecker, which, as soon as one analyzer has facts,
// parses and type-checks every dependency, the standard library
// included.

// A loadConfig says what to load.
type loadConfig struct {
	patterns []string
	tests    bool
	mayReach func(path string) bool // the packages declaring a resource type
	library  func(path string) bool // those and their subpackages
}

// A program is the result of loading: the source packages to analyze.
type program struct {
	fset *token.FileSet
	// roots are the target packages to analyze and report on. When a
	// package has a test variant among the targets, only the variant
	// is a root: it holds the same files and more.
	roots []*packages.Package
	// errs are the load, parse and type errors, one line each, in the
	// order found, without duplicates.
	errs []string
	// sourced counts the packages type-checked from source, for -debug.
	sourced int
}

// load loads the packages of cfg. An error means that go list itself
// failed; errors in packages are in program.errs.
func load(ctx context.Context, cfg loadConfig) (*program, error) {
	prog := &program{fset: token.NewFileSet()}

	// Step 1: the import graph only.
	graph, err := packages.Load(&packages.Config{
		Context: ctx,
		Mode:    packages.NeedName | packages.NeedImports | packages.NeedDeps,
		Tests:   cfg.tests,
	}, cfg.patterns...)
	if err != nil {
		return nil, err
	}
	prog.addListErrors(graph)
	reach := reachability(cfg.mayReach)
	var patterns []string
	trimmed := false
	for _, p := range graph {
		if isTestMain(p) {
			continue
		}
		if !reach.reaches(p) {
			trimmed = true
			continue
		}
		if p.PkgPath == "command-line-arguments" || strings.HasPrefix(p.ID, "command-line-arguments ") {
			// Files named on the command line: only the original
			// patterns name them.
			patterns = nil
			trimmed = false
			break
		}
		patterns = append(patterns, basePath(p))
	}
	if trimmed {
		if len(patterns) == 0 {
			return prog, nil // nothing can hold a resource
		}
		slices.Sort(patterns)
		patterns = slices.Compact(patterns)
	} else {
		patterns = cfg.patterns
	}

	// Step 2: files and export data of the targets that matter.
	initial, err := packages.Load(&packages.Config{
		Context: ctx,
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
			packages.NeedTypesSizes | packages.NeedModule,
		Tests: cfg.tests,
	}, patterns...)
	if err != nil {
		return nil, err
	}

	// Some targets of step 2 may not be targets of step 1 (a trimmed
	// pattern list names whole packages, whose test variants come
	// along); keep the first step's targets only.
	wanted := make(map[string]bool, len(graph))
	for _, p := range graph {
		wanted[p.ID] = true
	}
	reach = reachability(cfg.mayReach)
	src := sourceSet(initial, reach, cfg.library, wanted)
	// The first step reported go list's errors. The second one's
	// "go list -export" adds the compiler's errors: those of source
	// packages are reported better by the type-checker below, with one
	// line each; the others say why export data is missing.
	packages.Visit(initial, nil, func(p *packages.Package) {
		if !src[p.ID] {
			for _, e := range p.Errors {
				prog.addError(e.Error())
			}
		}
	})
	if err := prog.typeCheck(ctx, initial, src); err != nil {
		return nil, err
	}
	prog.roots = rootsOf(initial, src, wanted)
	return prog, nil
}

// isTestMain reports whether p is the generated main package of a test
// binary, which holds no code of the user's.
func isTestMain(p *packages.Package) bool {
	return p.Name == "main" && strings.HasSuffix(p.ID, ".test") && !strings.Contains(p.ID, " ")
}

// basePath returns the import path of the package that p is a variant
// of: "example.com/p" for "example.com/p [example.com/p.test]" and for
// "example.com/p_test [example.com/p.test]".
func basePath(p *packages.Package) string {
	if _, variant, ok := strings.Cut(p.ID, " ["); ok {
		return strings.TrimSuffix(strings.TrimSuffix(variant, "]"), ".test")
	}
	return p.PkgPath
}

// reach memoizes, per package ID, whether a package's import graph
// reaches a package of the resource model.
type reach struct {
	mayReach func(string) bool
	memo     map[string]bool
}

func reachability(mayReach func(string) bool) *reach {
	return &reach{mayReach: mayReach, memo: make(map[string]bool)}
}

func (r *reach) reaches(p *packages.Package) bool {
	if v, ok := r.memo[p.ID]; ok {
		return v
	}
	r.memo[p.ID] = false // the graph has no cycles; this is a guard only
	v := r.mayReach(p.PkgPath)
	for _, imp := range p.Imports {
		if v {
			break
		}
		v = r.reaches(imp)
	}
	r.memo[p.ID] = v
	return v
}

// sourceSet returns the IDs of the packages to load from source: the
// packages that reach a resource package, except the libraries the
// model describes (database/sql, pgx and their subpackages) unless they
// are targets, and every package that imports one of those. The last
// rule keeps the set closed upward, so that a package read from export
// data never imports one checked from source: export data names its
// dependencies by path and would not see the source package's types.
func sourceSet(initial []*packages.Package, r *reach, library func(string) bool, targets map[string]bool) map[string]bool {
	src := make(map[string]bool)
	done := make(map[string]bool)
	var visit func(p *packages.Package) bool
	visit = func(p *packages.Package) bool {
		if done[p.ID] {
			return src[p.ID]
		}
		done[p.ID] = true
		in := r.reaches(p) && (!library(p.PkgPath) || targets[p.ID])
		for _, imp := range p.Imports {
			if visit(imp) {
				in = true
			}
		}
		if p.PkgPath == "unsafe" {
			in = false
		}
		src[p.ID] = in
		return in
	}
	for _, p := range initial {
		visit(p)
	}
	return src
}

// rootsOf returns the target packages loaded from source, without the
// packages whose test variant is a root too.
func rootsOf(initial []*packages.Package, src, wanted map[string]bool) []*packages.Package {
	hasVariant := make(map[string]bool)
	for _, p := range initial {
		if strings.HasPrefix(p.ID, p.PkgPath+" [") && src[p.ID] && wanted[p.ID] {
			hasVariant[p.PkgPath] = true
		}
	}
	var roots []*packages.Package
	for _, p := range initial {
		if !src[p.ID] || !wanted[p.ID] || isTestMain(p) || p.ID == p.PkgPath && hasVariant[p.PkgPath] {
			continue
		}
		roots = append(roots, p)
	}
	return roots
}

// addListErrors records the errors that go list found in pkgs and their
// dependencies.
func (prog *program) addListErrors(pkgs []*packages.Package) {
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			prog.addError(e.Error())
		}
		if p.Module != nil && p.Module.Error != nil {
			prog.addError(p.Module.Error.Err)
		}
	})
}

func (prog *program) addError(msg string) {
	msg = strings.ReplaceAll(strings.TrimSpace(msg), "\n", "; ")
	if !slices.Contains(prog.errs, msg) {
		prog.errs = append(prog.errs, msg)
	}
}

// typeCheck type-checks the packages of src from source, in dependency
// order and in parallel, reading their other imports from export data.
// It fills in Fset, Syntax, Types, TypesInfo, TypeErrors and IllTyped,
// and leaves in each source package's Imports only the source packages:
// those are the packages whose facts an analysis needs.
func (prog *program) typeCheck(ctx context.Context, initial []*packages.Package, src map[string]bool) error {
	// Every package gets its types.Package up front: export data names
	// packages by path, and reading it fills in the existing package of
	// each path that it mentions rather than creating a second one.
	var all []*packages.Package
	packages.Visit(initial, nil, func(p *packages.Package) {
		all = append(all, p)
		p.Fset = prog.fset
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
		} else {
			p.Types = types.NewPackage(p.PkgPath, p.Name)
		}
	})
	// Read the export data of the source packages' other imports
	// first, one package at a time: reading fills in the types of
	// dependencies, which must not change under a running type-checker.
	ex := &exportReader{fset: prog.fset, loaded: make(map[string]error)}
	for _, p := range all {
		if !src[p.ID] {
			continue
		}
		for _, imp := range p.Imports {
			if !src[imp.ID] && imp.PkgPath != "unsafe" {
				_ = ex.load(imp) // the importer reports the error
			}
		}
	}

	// One task per source package, started when its source imports
	// are done.
	done := make(map[string]chan struct{})
	for _, p := range all {
		if src[p.ID] {
			done[p.ID] = make(chan struct{})
		}
	}
	g, ctx := errgroup.WithContext(ctx)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var mu sync.Mutex // guards prog.errs
	for _, p := range all {
		if !src[p.ID] {
			continue
		}
		g.Go(func() error {
			defer close(done[p.ID])
			for _, imp := range p.Imports {
				if ch, ok := done[imp.ID]; ok {
					select {
					case <-ch:
					case <-ctx.Done():
						return ctx.Err()
					}
				}
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			errs := checkPackage(p, src, ex)
			mu.Lock()
			for _, e := range errs {
				prog.addError(e)
			}
			prog.sourced++
			mu.Unlock()
			return nil
		})
	}
	return g.Wait()
}

// checkPackage parses and type-checks the source package p and returns
// its errors as lines.
func checkPackage(p *packages.Package, src map[string]bool, ex *exportReader) []string {
	var errs []string
	files := p.CompiledGoFiles
	if len(files) == 0 {
		files = p.GoFiles
	}
	for _, name := range files {
		f, err := parser.ParseFile(p.Fset, name, nil, parser.AllErrors|parser.ParseComments)
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
		if err != nil {
			if list, ok := err.(scanner.ErrorList); ok {
				for _, e := range list {
					errs = append(errs, e.Error())
				}
			} else {
				errs = append(errs, err.Error())
			}
		}
	}
	p.TypesInfo = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	illTyped := len(errs) > 0
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil {
				return nil, fmt.Errorf("no package for import %q", path)
			}
			if src[imp.ID] {
				if imp.IllTyped {
					illTyped = true
				}
				return imp.Types, nil
			}
			if err := ex.load(imp); err != nil {
				return nil, err
			}
			return imp.Types, nil
		}),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				p.TypeErrors = append(p.TypeErrors, te)
			}
			errs = append(errs, err.Error())
		},
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	_ = types.NewChecker(tc, p.Fset, p.Types, p.TypesInfo).Files(p.Syntax)
	p.IllTyped = illTyped || len(errs) > 0

	// The analysis graph follows Imports to run fact analyzers on
	// dependencies: keep the source packages only.
	imports := make(map[string]*packages.Package)
	for path, imp := range p.Imports {
		if src[imp.ID] {
			imports[path] = imp
		}
	}
	p.Imports = imports
	return errs
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// An exportReader reads packages from compiler export data, one at a
// time: reading may fill in the types.Package of any dependency.
type exportReader struct {
	fset   *token.FileSet
	mu     sync.Mutex
	loaded map[string]error // by package ID
}

// load reads p's export data into p.Types, once.
func (ex *exportReader) load(p *packages.Package) error {
	ex.mu.Lock()
	defer ex.mu.Unlock()
	return ex.loadLocked(p)
}

func (ex *exportReader) loadLocked(p *packages.Package) error {
	if err, ok := ex.loaded[p.ID]; ok {
		return err
	}
	err := ex.read(p)
	ex.loaded[p.ID] = err
	if err != nil {
		p.IllTyped = true
	}
	return err
}

func (ex *exportReader) read(p *packages.Package) error {
	if p.ExportFile == "" {
		return fmt.Errorf("no export data for %s (does it compile?)", p.PkgPath)
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return err
	}
	defer f.Close()
	//lint:ignore SA1019 go list -export still writes archive files in Go 1.26; go/packages reads them the same way.
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return fmt.Errorf("reading export data of %s: %v", p.PkgPath, err)
	}
	// The view maps each path in p's import graph to that package's
	// types.Package, p's own included, so that reading fills them in
	// instead of creating others.
	view := make(map[string]*types.Package)
	packages.Visit([]*packages.Package{p}, func(q *packages.Package) bool {
		if _, ok := view[q.PkgPath]; ok {
			return false
		}
		view[q.PkgPath] = q.Types
		return true
	}, nil)
	if _, err := gcexportdata.Read(r, ex.fset, view, p.PkgPath); err != nil {
		return fmt.Errorf("reading export data of %s: %v", p.PkgPath, err)
	}
	return nil
}
