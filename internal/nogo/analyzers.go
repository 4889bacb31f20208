// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package nogo

import (
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
)

// suitePackage and suiteVar name the list of checks that every driver of
// dbleaklint runs: go vet's, the command's, the golangci-lint plugin's.
const (
	suitePackage = "github.com/dbleaklint/dbleaklint/analyzer"
	suiteVar     = "Suite"
)

// AnalyzerPackages returns the import paths of the packages whose
// Analyzer variables make up analyzer.Suite, in its order: the deps of
// a nogo rule that runs the suite. It reads the declaration of Suite in
// the module at dir, where every entry is written pkg.Analyzer.
func AnalyzerPackages(ctx context.Context, dir string) ([]string, error) {
	out, err := goCommand(ctx, dir, nil, "list", "-json=Dir,GoFiles", suitePackage)
	if err != nil {
		return nil, err
	}
	var pkg struct {
		Dir     string
		GoFiles []string
	}
	if err := json.Unmarshal(out, &pkg); err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	for _, name := range pkg.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(pkg.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		if spec := findVar(f, suiteVar); spec != nil {
			return analyzerImports(ctx, dir, f, spec)
		}
	}
	return nil, fmt.Errorf("%s: no declaration of %s", suitePackage, suiteVar)
}

// findVar returns the specification that declares the package-level
// variable name in f, or nil.
func findVar(f *ast.File, name string) *ast.ValueSpec {
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.VAR {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			for _, id := range vs.Names {
				if id.Name == name {
					return vs
				}
			}
		}
	}
	return nil
}

// analyzerImports returns the import paths of the packages whose
// Analyzer variable spec's value names, in order, once each.
func analyzerImports(ctx context.Context, dir string, f *ast.File, spec *ast.ValueSpec) ([]string, error) {
	byName, err := importNames(ctx, dir, f)
	if err != nil {
		return nil, err
	}
	var paths []string
	seen := make(map[string]bool)
	for _, v := range suiteLists(f, spec) {
		ast.Inspect(v, func(n ast.Node) bool {
			if _, ok := n.(*ast.ArrayType); ok {
				return false // the list's type: []*analysis.Analyzer
			}
			sel, ok := n.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Analyzer" && sel.Sel.Name != "For" {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && byName[id.Name] != "" && !seen[byName[id.Name]] {
				seen[byName[id.Name]] = true
				paths = append(paths, byName[id.Name])
			}
			return false
		})
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s.%s names no pkg.Analyzer or pkg.For(c)", suitePackage, suiteVar)
	}
	return paths, nil
}

// suiteLists returns the expressions that list the suite's analyzers:
// spec's values, or, where a value calls a function of f (Suite =
// checks(config.Default)), that function's body, whose entries are
// pkg.For(c): each package's Analyzer is its For(config.Default).
func suiteLists(f *ast.File, spec *ast.ValueSpec) []ast.Node {
	var out []ast.Node
	for _, v := range spec.Values {
		fun := ""
		if call, ok := v.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok {
				fun = id.Name
			}
		}
		if fun == "" {
			out = append(out, v)
			continue
		}
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == fun && fd.Body != nil {
				out = append(out, fd.Body)
			}
		}
	}
	return out
}

// importNames maps the names under which f refers to its imports to
// their paths, asking the go command for the names that f leaves implicit.
func importNames(ctx context.Context, dir string, f *ast.File) (map[string]string, error) {
	var implicit []string
	byName := make(map[string]string)
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			return nil, err
		}
		if imp.Name != nil {
			byName[imp.Name.Name] = path
		} else {
			implicit = append(implicit, path)
		}
	}
	if len(implicit) == 0 {
		return byName, nil
	}
	out, err := goCommand(ctx, dir, nil, append([]string{"list", "-f", "{{.Name}} {{.ImportPath}}"}, implicit...)...)
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		name, path, _ := strings.Cut(line, " ")
		byName[name] = path
	}
	return byName, nil
}
