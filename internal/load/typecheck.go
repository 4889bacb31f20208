// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package load

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
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// typeCheck type-checks the packages that kinds loads from source, in
// dependency order and in parallel, reading the others from export
// data. It fills in Fset, Types, IllTyped and, for the packages to
// analyze, Syntax, TypesInfo and TypeErrors; it leaves in each analyzed
// package's Imports only the analyzed packages: those are the packages
// whose facts an analysis needs.
func (prog *Program) typeCheck(ctx context.Context, initial []*packages.Package, kinds map[string]loadKind) error {
	// Every package gets its types.Package up front: export data names
	// packages by path, and reading it fills in the existing package of
	// each path that it mentions rather than creating a second one.
	var all []*packages.Package
	packages.Visit(initial, nil, func(p *packages.Package) {
		all = append(all, p)
		p.Fset = prog.Fset
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
		} else {
			p.Types = types.NewPackage(p.PkgPath, p.Name)
		}
	})
	// Read the export data first, one package at a time: reading
	// fills in the types of dependencies, which must not change under
	// a running type-checker.
	ex := &exportReader{fset: prog.Fset, loaded: make(map[string]error)}
	for _, p := range all {
		if kinds[p.ID] == fromExport {
			_ = ex.load(p) // the importer reports the error
			prog.Exported++
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
	var mu sync.Mutex // guards prog.Errs and the counts
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
				prog.Sourced++
			} else {
				prog.Declared++
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
		info = NewInfo()
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

// NewInfo returns a types.Info that records everything the analyzers
// read: what go/packages records for a package loaded with syntax.
func NewInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}
