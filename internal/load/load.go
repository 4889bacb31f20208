// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package load loads the packages that dbleaklint's standalone command
// analyzes: those that can hold a database resource, parsed and
// type-checked from source, with every other package they need read
// from compiler export data or type-checked from its declarations.
//
// Loading happens in steps, so that only the packages that can hold a
// database resource cost a full parse and type-check, and so that an
// empty build cache costs no compilation:
//
//  1. a cheap "go list -deps" (names, files and imports; nothing
//     compiled) finds the targets whose import graph reaches a resource
//     package ([reach]); when none does, the run ends there ([List],
//     or [ListCached], which keeps the listing). The caller may look
//     up its results cache with it, and pass on only the targets whose
//     results it does not hold ([Listing.Load]);
//  2. "go list -deps -f {{.Stale}}" says which packages have no
//     compiled export data in the build cache (computing that compiles
//     nothing);
//  3. "go list -deps -compiled" of the remaining targets gives every
//     package's files; with "-export" as well when every package listed
//     has export data cached already (the flag would compile the others,
//     the analyzed ones included); otherwise a "go list -export" of only
//     the packages whose export data is cached follows;
//  4. the packages that reach a resource (the source set) are parsed
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
package load

import (
	"context"
	"go/token"
	"iter"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/dbleaklint/dbleaklint/internal/reach"
)

// A Config says what to load.
type Config struct {
	// Patterns are the go list patterns of the packages to analyze.
	Patterns []string
	// Tests includes the packages' tests.
	Tests bool
	// Roots are the packages that declare resource types: the
	// resource model's list (ownership.ResourceRoots).
	Roots reach.Roots
	// Dir is the directory the go command runs in; empty means the
	// working directory.
	Dir string
	// Env is the go command's environment; nil means the process's.
	Env []string
}

// packagesConfig returns the configuration of a go/packages load.
func (cfg *Config) packagesConfig(ctx context.Context, mode packages.LoadMode, tests bool) *packages.Config {
	return &packages.Config{Context: ctx, Mode: mode, Tests: tests, Dir: cfg.Dir, Env: cfg.Env}
}

// A Program is the result of loading: the source packages to analyze.
type Program struct {
	Fset *token.FileSet
	// Roots are the target packages to analyze and report on, with
	// their syntax and types. When a package has a test variant among
	// the targets, only the variant is a root: it holds the same files
	// and more. Each root's Imports hold only the packages analyzed
	// too, those whose facts an analysis needs.
	Roots []*packages.Package
	// Errs are the load, parse and type errors, one line each, in the
	// order found, without duplicates.
	Errs []string
	// Sourced, Declared and Exported count the packages type-checked
	// from source, type-checked from their declarations only, and read
	// from export data.
	Sourced, Declared, Exported int
}

// A Listing is the outcome of the first step: which packages the
// patterns name, and which of them can hold a resource.
type Listing struct {
	cfg Config
	// Targets are the packages that the patterns name, with their
	// dependencies (names, files and imports only).
	Targets []*packages.Package
	// Roots are the target packages to analyze, as in [Program]. Only
	// names, files and imports are known of them.
	Roots []*packages.Package
	// Named is set when the patterns name files ("a.go b.go"):
	// only the original patterns name them again, so Load lists
	// them whole, and their package has no import path to key a
	// cache with.
	Named bool
	// Errs are go list's errors.
	Errs []string
	// wanted holds the IDs of targets.
	wanted map[string]bool
	// src holds the IDs of the packages to analyze from source.
	src map[string]bool
}

// Analyzed reports whether the package with the given ID, a target or
// one of their dependencies, is analyzed: type-checked from source.
func (l *Listing) Analyzed(id string) bool { return l.src[id] }

// List runs the first step: a "go list" of cfg's patterns, which
// compiles nothing.
func List(ctx context.Context, cfg Config) (*Listing, error) {
	mode := packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule
	targets, err := packages.Load(cfg.packagesConfig(ctx, mode, cfg.Tests), cfg.Patterns...)
	if err != nil {
		return nil, err
	}
	return newListing(cfg, targets), nil
}

// newListing returns the listing of targets, the packages that the
// patterns of cfg name, with their dependencies.
func newListing(cfg Config, targets []*packages.Package) *Listing {
	l := &Listing{cfg: cfg, Targets: targets, wanted: make(map[string]bool, len(targets))}
	prog := &Program{}
	prog.addListErrors(targets)
	l.Errs = prog.Errs
	for _, p := range targets {
		l.wanted[p.ID] = true
		if p.PkgPath == "command-line-arguments" || strings.HasPrefix(p.ID, "command-line-arguments ") {
			l.Named = true
		}
	}
	l.src = sourceSet(targets, reachability(cfg.Roots), cfg.Roots.Library, l.wanted)
	l.Roots = rootsOf(targets, l.src, l.wanted)
	return l
}

// Load runs the other steps for roots, some or all of l.Roots, and
// returns the program to analyze. An error means that go list itself
// failed; errors in packages are in Program.Errs.
func (l *Listing) Load(ctx context.Context, roots []*packages.Package) (*Program, error) {
	prog := &Program{Fset: token.NewFileSet()}
	for _, e := range l.Errs {
		prog.addError(e)
	}
	if len(roots) == 0 {
		return prog, nil // nothing can hold a resource
	}
	patterns := l.cfg.Patterns
	if !l.Named {
		patterns = nil
		for _, p := range roots {
			patterns = append(patterns, BasePath(p))
		}
		slices.Sort(patterns)
		patterns = slices.Compact(patterns)
	}

	// Step 2: which packages have no export data in the build cache.
	// Should go list fail here, step 3 says why.
	cached, _ := cachedSet(ctx, &l.cfg, patterns)
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
	initial, err := packages.Load(l.cfg.packagesConfig(ctx, mode, l.cfg.Tests), patterns...)
	if err != nil {
		return nil, err
	}
	// Some targets of this step may not be targets of step 1 (a
	// trimmed pattern list names whole packages, whose test variants
	// come along); keep the first step's targets only.
	src := sourceSet(initial, reachability(l.cfg.Roots), l.cfg.Roots.Library, l.wanted)
	kinds := loadKinds(initial, src, cached, compiled)
	if !compiled {
		if err := readExportFiles(ctx, &l.cfg, initial, kinds); err != nil {
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
	prog.Roots = rootsOf(initial, src, l.wanted)
	return prog, nil
}

// exportNeeds returns the IDs of the packages that a source package of
// l imports and that are not source packages themselves: those whose
// export data the fast path reads. (Export data is deep: their own
// imports come with it.)
func (l *Listing) exportNeeds() map[string]bool {
	needs := make(map[string]bool)
	packages.Visit(l.Targets, nil, func(p *packages.Package) {
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

// BasePath returns the import path of the package that p is a variant
// of: "example.com/p" for "example.com/p [example.com/p.test]" and for
// "example.com/p_test [example.com/p.test]". A package and its test
// variants are loaded by the same pattern.
func BasePath(p *packages.Package) string {
	if _, variant, ok := strings.Cut(p.ID, " ["); ok {
		return strings.TrimSuffix(strings.TrimSuffix(variant, "]"), ".test")
	}
	return p.PkgPath
}

// reachability returns the graph that tells which packages can hold a
// resource.
func reachability(roots reach.Roots) *reach.Graph[*packages.Package] {
	return reach.NewGraph(roots, func(p *packages.Package) string { return p.PkgPath },
		func(p *packages.Package) iter.Seq[*packages.Package] { return maps.Values(p.Imports) })
}

// sourceSet returns the IDs of the packages to load from source: the
// packages that reach a resource package, except the libraries the
// model describes (database/sql, pgx and their subpackages) unless they
// are targets, and every package that imports one of those. The last
// rule keeps the set closed upward, so that a package read from export
// data never imports one checked from source: export data names its
// dependencies by path and would not see the source package's types.
func sourceSet(initial []*packages.Package, r *reach.Graph[*packages.Package], library func(string) bool, targets map[string]bool) map[string]bool {
	src := make(map[string]bool)
	done := make(map[string]bool)
	var visit func(p *packages.Package) bool
	visit = func(p *packages.Package) bool {
		if done[p.ID] {
			return src[p.ID]
		}
		done[p.ID] = true
		in := r.Reaches(p) && (!library(p.PkgPath) || targets[p.ID])
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
func (prog *Program) addListErrors(pkgs []*packages.Package) {
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			prog.addError(e.Error())
		}
		if p.Module != nil && p.Module.Error != nil {
			prog.addError(p.Module.Error.Err)
		}
	})
}

func (prog *Program) addError(msg string) {
	msg = strings.ReplaceAll(strings.TrimSpace(msg), "\n", "; ")
	if !slices.Contains(prog.Errs, msg) {
		prog.Errs = append(prog.Errs, msg)
	}
}
