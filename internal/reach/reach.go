// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package reach decides which packages can hold a database resource.
//
// A package can hold a resource only if it can name a resource type:
// if it declares one or imports, directly or not, a package that does.
// Every other package is skipped by the analysis (ssabuild builds no SSA
// for it) and by the standalone loader (it is never type-checked from
// source). The packages that declare resource types are the resource
// model's list (passes/internal/resource: database/sql, pgx v5 and v4,
// pgxpool, sqlx, and the packages of user-declared resources), given
// here as [Roots]; this package holds the one walk of the import graph
// that both, and the benchmark, use.
//
// It lives outside passes/ so that the command and its loader, which may
// not import passes/internal, can use it.
package reach

import (
	"go/types"
	"iter"
	"slices"
	"strings"
)

// Roots are the import paths of the packages that declare resource
// types. Their subpackages are not roots: database/sql/driver declares
// no resource, and github.com/google/uuid, imported by much code that
// never touches a database, imports it.
type Roots struct {
	paths []string
}

// NewRoots returns the roots with the given import paths.
func NewRoots(paths []string) Roots {
	paths = slices.Clone(paths)
	slices.Sort(paths)
	return Roots{paths: slices.Compact(paths)}
}

// Paths returns the import paths of the roots, sorted.
func (r Roots) Paths() []string { return slices.Clone(r.paths) }

// Declares reports whether the package path is a root: whether it
// declares a resource type.
func (r Roots) Declares(path string) bool {
	_, ok := slices.BinarySearch(r.paths, path)
	return ok
}

// Library reports whether the package path is a root or under one
// (database/sql/driver, pgx/v5/pgconn, pgx/v5/stdlib): the libraries
// that the resource model describes. The standalone loader reads them
// from export data unless they are targets.
func (r Roots) Library(path string) bool {
	for _, root := range r.paths {
		if path == root || strings.HasPrefix(path, root+"/") {
			return true
		}
	}
	return false
}

// A Graph answers, for the packages of one import graph, whether each
// can reach a root, remembering the answers. P is the graph's node: a
// *types.Package for an analysis pass, a *packages.Package for the
// loader. An import graph has no cycles.
type Graph[P comparable] struct {
	roots   Roots
	path    func(P) string
	imports func(P) iter.Seq[P]
	memo    map[P]bool
}

// NewGraph returns the graph whose nodes have the import path path(p)
// and import imports(p).
func NewGraph[P comparable](roots Roots, path func(P) string, imports func(P) iter.Seq[P]) *Graph[P] {
	return &Graph[P]{roots: roots, path: path, imports: imports, memo: make(map[P]bool)}
}

// Reaches reports whether p is a root or imports one, directly or not:
// whether p can hold a resource.
func (g *Graph[P]) Reaches(p P) bool {
	if v, ok := g.memo[p]; ok {
		return v
	}
	g.memo[p] = false // the graph has no cycles; this is a guard only
	v := g.roots.Declares(g.path(p))
	for imp := range g.imports(p) {
		if v {
			break
		}
		v = g.Reaches(imp)
	}
	g.memo[p] = v
	return v
}

// Types returns the graph of type-checked packages, as an analysis pass
// sees them.
func Types(roots Roots) *Graph[*types.Package] {
	return NewGraph(roots, (*types.Package).Path, func(p *types.Package) iter.Seq[*types.Package] {
		return slices.Values(p.Imports())
	})
}
