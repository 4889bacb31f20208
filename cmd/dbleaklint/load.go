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
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// Loading happens in steps, so that only the packages that can hold a
// database resource cost a full parse and type-check, and so that an
// empty build cache costs no compilation:
//
//  1. a cheap "go list -deps" (names, files and imports; nothing
//     compiled) finds the targets whose import graph reaches a resource
//     package; when none does, the run ends there. The result cache
//     (cache.go) is looked up with it, and the targets whose results it
//     holds go no further;
//  2. "go list -deps -f {{.Stale}}" says which packages have no
//     compiled export data in the build cache (computing that compiles
//     nothing);
//  3. "go list -deps -compiled" of the remaining targets gives every
//     package's files; with "-export" as well when every package listed
//     has export data cached already (the flag would compile the others,
//     the analyzed ones included); otherwise a "go list -export" of only
//     the packages whose export data is cached follows;
//  4. the packages that reach a resource (the set src below) are parsed
//     and type-checked from source, in dependency order. Every other
//     package they need is read from its export data when it is cached,
//     or else type-checked from source with function bodies ignored
//     (declarations are all an importer needs): what compiling it to get
//     export data would cost several times over.
//
// An analyzer with facts (passes/ownership) then runs on the source
// packages only: the others cannot mention a resource, so they have no
// facts to give. This is what keeps the standalone command cheaper than
// x/tools' multichecker, which, as soon as one analyzer has facts,
// parses and type-checks every dependency with its function bodies, the
// standard library included.

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
	// sourced, declared and exported count the packages type-checked
	// from source, type-checked from their declarations only, and read
	// from export data, for -v.
	sourced, declared, exported int
}

// A listing is the outcome of the first step.
type listing struct {
	cfg loadConfig
	// targets are the packages that the patterns name, with their
	// dependencies (names, files and imports only).
	targets []*packages.Package
	// wanted holds the IDs of targets.
	wanted map[string]bool
	// src holds the IDs of the packages to analyze from source.
	src map[string]bool
	// roots are the target packages to analyze, as in program.
	roots []*packages.Package
	// named is set when files were named on the command line: only
	// the original patterns name them again.
	named bool
	// errs are go list's errors.
	errs []string
}

// list runs the first step.
func list(ctx context.Context, cfg loadConfig) (*listing, error) {
	targets, err := packages.Load(&packages.Config{
		Context: ctx,
		Mode:    packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule,
		Tests:   cfg.tests,
	}, cfg.patterns...)
	if err != nil {
		return nil, err
	}
	return newListing(cfg, targets), nil
}

// newListing returns the listing of targets, the packages that the
// patterns of cfg name, with their dependencies.
func newListing(cfg loadConfig, targets []*packages.Package) *listing {
	l := &listing{cfg: cfg, targets: targets, wanted: make(map[string]bool, len(targets))}
	prog := &program{}
	prog.addListErrors(targets)
	l.errs = prog.errs
	for _, p := range targets {
		l.wanted[p.ID] = true
		if p.PkgPath == "command-line-arguments" || strings.HasPrefix(p.ID, "command-line-arguments ") {
			l.named = true
		}
	}
	l.src = sourceSet(targets, reachability(cfg.mayReach), cfg.library, l.wanted)
	l.roots = rootsOf(targets, l.src, l.wanted)
	return l
}

// load runs the other steps for roots, some or all of l.roots, and
// returns the program to analyze. An error means that go list
// itself failed; errors in packages are in program.errs.
func (l *listing) load(ctx context.Context, roots []*packages.Package) (*program, error) {
	prog := &program{fset: token.NewFileSet()}
	for _, e := range l.errs {
		prog.addError(e)
	}
	if len(roots) == 0 {
		return prog, nil // nothing can hold a resource
	}
	patterns := l.cfg.patterns
	if !l.named {
		patterns = nil
		for _, p := range roots {
			patterns = append(patterns, basePath(p))
		}
		slices.Sort(patterns)
		patterns = slices.Compact(patterns)
	}

	// Step 2: which packages have no export data in the build cache.
	// Should go list fail here, step 3 says why.
	cached, _ := cachedSet(ctx, patterns, l.cfg.tests)
	// "go list -export" compiles every package it lists, the analyzed
	// ones too: ask for it only when that compiles nothing.
	compiled := true
	for id := range l.exportNeeds() {
		compiled = compiled && cached[id]
	}
	for id, in := range l.src {
		compiled = compiled && (!in || cached[id])
	}

	// Step 3: files, and export data if that compiles nothing.
	mode := packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
		packages.NeedImports | packages.NeedDeps | packages.NeedTypesSizes | packages.NeedModule
	if compiled {
		mode |= packages.NeedExportFile
	}
	initial, err := packages.Load(&packages.Config{Context: ctx, Mode: mode, Tests: l.cfg.tests}, patterns...)
	if err != nil {
		return nil, err
	}
	// Some targets of this step may not be targets of step 1 (a
	// trimmed pattern list names whole packages, whose test variants
	// come along); keep the first step's targets only.
	src := sourceSet(initial, reachability(l.cfg.mayReach), l.cfg.library, l.wanted)
	kinds := loadKinds(initial, src, cached, compiled)
	if !compiled {
		if err := readExportFiles(ctx, initial, kinds); err != nil {
			return nil, err
		}
	}
	// The first step reported go list's errors. "go list -export" adds
	// the compiler's errors: those of source packages are reported
	// better by the type-checker below, with one line each; the others
	// say why export data is missing.
	packages.Visit(initial, nil, func(p *packages.Package) {
		if kinds[p.ID] == fromExport {
			for _, e := range p.Errors {
				prog.addError(e.Error())
			}
		}
	})
	if err := prog.typeCheck(ctx, initial, kinds); err != nil {
		return nil, err
	}
	prog.roots = rootsOf(initial, src, l.wanted)
	return prog, nil
}

// exportNeeds returns the IDs of the packages that a source package of
// l imports and that are not source packages themselves: those whose
// export data the fast path reads. (Export data is deep: their own
// imports come with it.)
func (l *listing) exportNeeds() map[string]bool {
	needs := make(map[string]bool)
	packages.Visit(l.targets, nil, func(p *packages.Package) {
		if !l.src[p.ID] {
			return
		}
		for _, imp := range p.Imports {
			if !l.src[imp.ID] && imp.PkgPath != "unsafe" {
				needs[imp.ID] = true
			}
		}
	})
	return needs
}

// cachedSet returns the IDs of the packages, among patterns and their
// dependencies, whose compiled export data is in the build cache. The go
// command computes it (the Stale field) from the same hashes of the same
// files that "go list -export" would, without compiling anything;
// -pgo=off matches go/packages, which asks for the export data of builds
// without profile-guided optimization. A package that this list does
// not name is taken not to be compiled: among them, those that only the
// files cgo generates import (runtime/cgo).
func cachedSet(ctx context.Context, patterns []string, tests bool) (map[string]bool, error) {
	args := []string{"list", "-e", "-deps", "-pgo=off", fmt.Sprintf("-test=%t", tests),
		"-f", "{{if not .Stale}}{{.ImportPath}}{{end}}", "--"}
	cmd := exec.CommandContext(ctx, "go", append(args, patterns...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -f {{.Stale}}: %v: %s", err, stderr.String())
	}
	cached := make(map[string]bool)
	for line := range strings.Lines(string(out)) {
		if line = strings.TrimSpace(line); line != "" {
			cached[line] = true
		}
	}
	return cached, nil
}

// How a package's types are obtained.
type loadKind int

const (
	unneeded   loadKind = iota // no source package needs it
	fromExport                 // read from compiler export data
	fromDecls                  // type-checked from source, function bodies ignored
	fromSource                 // parsed and type-checked in full: analyzed
)

// loadKinds says how to load each package of the import graph of
// initial. The source packages are loaded from source. When everything
// is compiled, every other package that a source package imports is
// read from export data, which holds its own dependencies. Otherwise a
// needed package is read from export data if it and every package it
// imports, directly or not, are compiled, and if it is no test variant
// (see readExportFiles); else it is type-checked from its declarations,
// and so are, in turn, the packages it imports. So a package read from
// export data never imports one type-checked here, whose types its
// export data would declare a second time. (The go command's hashes
// include the imports' export data, so a compiled package's imports are
// compiled too; the rule only guards against what cachedSet could not
// tell.)
func loadKinds(initial []*packages.Package, src, cached map[string]bool, compiled bool) map[string]loadKind {
	memo := make(map[string]bool)
	var allCached func(p *packages.Package) bool
	allCached = func(p *packages.Package) bool {
		if v, ok := memo[p.ID]; ok {
			return v
		}
		v := cached[p.ID] || p.PkgPath == "unsafe"
		memo[p.ID] = v
		for _, imp := range p.Imports {
			v = v && allCached(imp)
		}
		memo[p.ID] = v
		return v
	}
	kinds := make(map[string]loadKind)
	var need func(p *packages.Package)
	need = func(p *packages.Package) {
		if _, ok := kinds[p.ID]; ok || p.PkgPath == "unsafe" {
			return
		}
		if compiled || allCached(p) && p.ID == p.PkgPath {
			kinds[p.ID] = fromExport
			return
		}
		kinds[p.ID] = fromDecls
		for _, imp := range p.Imports {
			need(imp)
		}
	}
	packages.Visit(initial, nil, func(p *packages.Package) {
		if src[p.ID] {
			kinds[p.ID] = fromSource
		}
	})
	packages.Visit(initial, nil, func(p *packages.Package) {
		if src[p.ID] {
			for _, imp := range p.Imports {
				need(imp)
			}
		}
	})
	return kinds
}

// readExportFiles sets the export file of the packages of initial to be
// read from export data, all of them compiled already: asking the go
// command for their export data compiles nothing. Should it have none
// for one of them after all, every package is type-checked from source
// instead: a package read from export data must not import one
// type-checked here.
func readExportFiles(ctx context.Context, initial []*packages.Package, kinds map[string]loadKind) error {
	var paths []string
	byPath := make(map[string]*packages.Package)
	packages.Visit(initial, nil, func(p *packages.Package) {
		if kinds[p.ID] == fromExport {
			paths = append(paths, p.PkgPath)
			byPath[p.PkgPath] = p
		}
	})
	if len(paths) == 0 {
		return nil
	}
	slices.Sort(paths)
	listed, err := packages.Load(&packages.Config{Context: ctx, Mode: packages.NeedName | packages.NeedExportFile}, paths...)
	if err != nil {
		return err
	}
	for _, q := range listed {
		if p := byPath[q.PkgPath]; p != nil {
			p.ExportFile = q.ExportFile
		}
	}
	for _, p := range byPath {
		if p.ExportFile == "" {
			packages.Visit(initial, nil, func(p *packages.Package) {
				if kinds[p.ID] != fromSource && p.PkgPath != "unsafe" {
					kinds[p.ID] = fromDecls
				}
			})
			return nil
		}
	}
	return nil
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

// typeCheck type-checks the packages that kinds loads from source, in
// dependency order and in parallel, reading the others from export
// data. It fills in Fset, Types, IllTyped and, for the packages to
// analyze, Syntax, TypesInfo and TypeErrors; it leaves in each analyzed
// package's Imports only the analyzed packages: those are the packages
// whose facts an analysis needs.
func (prog *program) typeCheck(ctx context.Context, initial []*packages.Package, kinds map[string]loadKind) error {
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
	// Read the export data first, one package at a time: reading
	// fills in the types of dependencies, which must not change under
	// a running type-checker.
	ex := &exportReader{fset: prog.fset, loaded: make(map[string]error)}
	for _, p := range all {
		if kinds[p.ID] == fromExport {
			_ = ex.load(p) // the importer reports the error
			prog.exported++
		}
	}

	// One task per package checked from source, started when the
	// packages it imports are done.
	done := make(map[string]chan struct{})
	for _, p := range all {
		if kinds[p.ID] >= fromDecls {
			done[p.ID] = make(chan struct{})
		}
	}
	g, ctx := errgroup.WithContext(ctx)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var mu sync.Mutex // guards prog.errs and the counts
	for _, p := range all {
		kind := kinds[p.ID]
		if kind < fromDecls {
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
			errs := checkPackage(p, kinds, ex)
			mu.Lock()
			for _, e := range errs {
				prog.addError(e)
			}
			if kind == fromSource {
				prog.sourced++
			} else {
				prog.declared++
			}
			mu.Unlock()
			return nil
		})
	}
	return g.Wait()
}

// checkPackage parses and type-checks the package p, in full or its
// declarations only as kinds says, and returns its errors as lines.
func checkPackage(p *packages.Package, kinds map[string]loadKind, ex *exportReader) []string {
	full := kinds[p.ID] == fromSource
	var errs []string
	files := p.CompiledGoFiles
	if len(files) == 0 {
		files = p.GoFiles
	}
	mode := parser.AllErrors | parser.ParseComments
	if !full {
		mode = parser.SkipObjectResolution
	}
	var syntax []*ast.File
	for _, name := range files {
		f, err := parser.ParseFile(p.Fset, name, nil, mode)
		if f != nil {
			syntax = append(syntax, f)
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
	var info *types.Info
	if full {
		p.Syntax = syntax
		info = &types.Info{
			Types:        make(map[ast.Expr]types.TypeAndValue),
			Defs:         make(map[*ast.Ident]types.Object),
			Uses:         make(map[*ast.Ident]types.Object),
			Implicits:    make(map[ast.Node]types.Object),
			Instances:    make(map[*ast.Ident]types.Instance),
			Scopes:       make(map[ast.Node]*types.Scope),
			Selections:   make(map[*ast.SelectorExpr]*types.Selection),
			FileVersions: make(map[*ast.File]string),
		}
		p.TypesInfo = info
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
			if kinds[imp.ID] >= fromDecls {
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
		// An importer needs the declarations only. Ignoring the
		// bodies also skips the checks that look into them (unused
		// variables and imports): a dependency that the compiler
		// would reject for its bodies is not reported here.
		IgnoreFuncBodies: !full,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok && full {
				p.TypeErrors = append(p.TypeErrors, te)
			}
			errs = append(errs, err.Error())
		},
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	_ = types.NewChecker(tc, p.Fset, p.Types, info).Files(syntax)
	p.IllTyped = illTyped || len(errs) > 0

	// The analysis graph follows Imports to run fact analyzers on
	// dependencies: keep the analyzed packages only.
	imports := make(map[string]*packages.Package)
	for path, imp := range p.Imports {
		if full && kinds[imp.ID] == fromSource {
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
