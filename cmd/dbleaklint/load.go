// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"context"
	"go/token"
	"slices"
	"strings"

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
