// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package load

import (
	"context"
	"fmt"
	"os/exec"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// cachedSet returns the IDs of the packages, among patterns and their
// dependencies, whose compiled export data is in the build cache. The go
// command computes it (the Stale field) from the same hashes of the same
// files that "go list -export" would, without compiling anything;
// -pgo=off matches go/packages, which asks for the export data of builds
// without profile-guided optimization. A package that this list does
// not name is taken not to be compiled: among them, those that only the
// files cgo generates import (runtime/cgo).
func cachedSet(ctx context.Context, cfg *Config, patterns []string) (map[string]bool, error) {
	args := []string{"list", "-e", "-deps", "-pgo=off", fmt.Sprintf("-test=%t", cfg.Tests),
		"-f", "{{if not .Stale}}{{.ImportPath}}{{end}}", "--"}
	cmd := exec.CommandContext(ctx, "go", append(args, patterns...)...)
	cmd.Dir, cmd.Env = cfg.Dir, cfg.Env
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
func readExportFiles(ctx context.Context, cfg *Config, initial []*packages.Package, kinds map[string]loadKind) error {
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
	listed, err := packages.Load(cfg.packagesConfig(ctx, packages.NeedName|packages.NeedExportFile, false), paths...)
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
