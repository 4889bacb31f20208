// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package testutil

import (
	"fmt"
	"go/parser"
	"go/types"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	loader "github.com/dbleaklint/dbleaklint/internal/load"
)

// RunEdited is Run on one package of the tree at dir, the package whose
// import path is pkgPath, with the contents of some of its files
// replaced: edited maps the base name of a file of the package to its
// new contents, which are checked under the name "<file>.edited" (for
// positions in messages; the file itself is left alone). It is how a
// test checks code derived from testdata, such as the files that
// suggested fixes produce, without writing a tree and loading it again:
// the edited package is type-checked against the dependencies the tree
// has loaded. Its type errors are reported to t.
func RunEdited(t analysistest.Testing, dir string, a *analysis.Analyzer, pkgPath string, edited map[string][]byte) []*analysistest.Result {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	dir = absolute(dir)
	tr, err := loadTree(dir)
	if err != nil {
		t.Errorf("%v", err)
		return nil
	}
	orig, ok := tr.byID[pkgPath]
	if !ok {
		t.Errorf("package %s is not in %s", pkgPath, dir)
		return nil
	}
	pkg, err := recheck(orig, edited)
	if err != nil {
		t.Errorf("%v", err)
		return nil
	}
	for _, err := range pkg.Errors {
		t.Errorf("%v", err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, []*packages.Package{pkg}, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Errorf("Analyze: %v", err)
		return nil
	}
	act := graph.Roots[0]
	if act.Err != nil {
		t.Errorf("error analyzing %s: %v", act, act.Err)
	} else {
		checkExpectations(t, dir, act)
	}
	return []*analysistest.Result{result(act)}
}

// recheck parses and type-checks a copy of orig whose files named in
// edited have the contents given there, against orig's dependencies.
func recheck(orig *packages.Package, edited map[string][]byte) (*packages.Package, error) {
	pkg := &packages.Package{
		ID:         orig.ID,
		Name:       orig.Name,
		PkgPath:    orig.PkgPath,
		Fset:       orig.Fset,
		Imports:    orig.Imports,
		Module:     orig.Module,
		TypesSizes: orig.TypesSizes,
	}
	used := 0
	for _, name := range orig.CompiledGoFiles {
		var src any // nil: read the file
		if data, ok := edited[filepath.Base(name)]; ok {
			src, name = data, name+".edited"
			used++
		}
		f, err := parser.ParseFile(pkg.Fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("parsing %s: %v", name, err)
		}
		pkg.GoFiles = append(pkg.GoFiles, name)
		pkg.CompiledGoFiles = append(pkg.CompiledGoFiles, name)
		pkg.Syntax = append(pkg.Syntax, f)
	}
	if used != len(edited) {
		return nil, fmt.Errorf("%s: %d of the %d edited files are not files of the package", orig.PkgPath, len(edited)-used, len(edited))
	}
	pkg.TypesInfo = loader.NewInfo()
	conf := types.Config{
		Importer: importer{orig},
		Sizes:    orig.TypesSizes,
		Error: func(err error) {
			pkg.Errors = append(pkg.Errors, packages.Error{Msg: err.Error(), Kind: packages.TypeError})
		},
	}
	if orig.Module != nil && orig.Module.GoVersion != "" {
		conf.GoVersion = "go" + orig.Module.GoVersion
	}
	pkg.Types, _ = conf.Check(orig.PkgPath, pkg.Fset, pkg.Syntax, pkg.TypesInfo)
	pkg.IllTyped = len(pkg.Errors) > 0
	return pkg, nil
}

// An importer imports the packages that pkg imports, as loaded.
type importer struct{ pkg *packages.Package }

func (imp importer) Import(path string) (*types.Package, error) {
	if p, ok := imp.pkg.Imports[path]; ok {
		return p.Types, nil
	}
	// A package from outside the tree, read from export data.
	for _, p := range imp.pkg.Types.Imports() {
		if p.Path() == path {
			return p, nil
		}
	}
	return nil, fmt.Errorf("%s does not import %s", imp.pkg.PkgPath, path)
}
