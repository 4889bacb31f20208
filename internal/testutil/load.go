// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package testutil

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"
)

// Loading dominates the cost of an analyzer test: analysistest.Run
// parses and type-checks every package it analyzes, the standard library
// it imports included, from source, on every call, while the analysis
// itself takes a few percent of that. A test binary that calls it five
// times type-checks database/sql, fmt, reflect, time and the rest five
// times.
//
// So a test binary loads each testdata tree once, whole, the first time
// one of its packages is asked for, and every run of any analyzer
// shares it. The analyzers only read the loaded packages (the checker
// runs them in parallel on the same packages anyway), so one load can
// serve any number of runs, with any flags.
//
// And, as the command does (internal/load), only the tree's own
// packages are parsed and type-checked from source; the packages they
// import from outside it (the standard library; in a module, its
// requirements) are read from the compiler's export data and the
// analyzers do not run on them. They could not give a fact: the
// libraries the resource model describes are known by the table, and a
// package that cannot reach a resource type is skipped by every check.

// A tree is every package of one testdata tree, from source, and the
// packages they import from outside it, from export data.
type tree struct {
	dir      string
	patterns []string // what the tree is: "./..." for a whole tree
	once     sync.Once
	byID     map[string]*packages.Package // the packages of the tree
	err      error
}

// trees holds the trees loaded by this test binary, by directory and
// patterns. It is the one piece of process-wide state of the harness,
// and the reason it exists: a cache whose entries never change once
// loaded.
var trees = struct {
	sync.Mutex
	byKey map[string]*tree
}{byKey: make(map[string]*tree)}

// loadTree returns the packages that patterns denote in the tree rooted
// at dir (with no patterns, all of them), loading them on first use.
func loadTree(dir string, patterns ...string) (*tree, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	key := strings.Join(append([]string{dir}, patterns...), "\x00")
	trees.Lock()
	tr, ok := trees.byKey[key]
	if !ok {
		tr = &tree{dir: dir, patterns: patterns}
		trees.byKey[key] = tr
	}
	trees.Unlock()
	tr.once.Do(tr.load)
	return tr, tr.err
}

// loadMode asks for the syntax and types of the packages that the
// patterns name, and for their imports' types only, from export data:
// analysistest's mode without NeedDeps.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax |
	packages.NeedTypesInfo | packages.NeedModule

// load loads the packages of the tree: by default all of src/ in GOPATH
// mode (the stubs at their real import paths included), or all of the
// module.
func (tr *tree) load() {
	pkgs, err := packages.Load(config(tr.dir, loadMode), tr.patterns...)
	if err != nil {
		tr.err = fmt.Errorf("loading %s: %v", tr.dir, err)
		return
	}
	tr.byID = make(map[string]*packages.Package)
	for _, p := range pkgs {
		tr.byID[p.ID] = p
	}
	// The checker runs analyzers with facts on the packages that a
	// package imports: keep only those of the tree, loaded from source.
	// The types still refer to all of them (p.Types.Imports()).
	for _, p := range pkgs {
		for path, imp := range p.Imports {
			if _, ok := tr.byID[imp.ID]; !ok {
				delete(p.Imports, path)
			}
		}
	}
}

// roots returns the loaded packages that patterns denote, as go list
// resolves them (test variants included, as analysistest asks for).
// Listing is cheap: the go command alone, no parsing. In a GOPATH tree,
// a relative pattern is relative to src/ ("./..." is every package of
// the tree), where analysistest takes it relative to the tree's root.
func (tr *tree) roots(patterns []string) ([]*packages.Package, error) {
	cfg := config(tr.dir, packages.NeedName)
	listed, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	var roots []*packages.Package
	for _, l := range listed {
		if l.Name == "" {
			return nil, fmt.Errorf("failed to load %q: %v", l.PkgPath, l.Errors)
		}
		p, ok := tr.byID[l.ID]
		if !ok {
			return nil, fmt.Errorf("%s is not among the packages loaded from %s", l.ID, tr.dir)
		}
		roots = append(roots, p)
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("no packages matched %s", patterns)
	}
	return roots, nil
}

// config is analysistest's loading configuration for the tree at dir: a
// GOPATH-style tree, run from its src directory, or a module when dir
// holds a go.mod file (then offline: the module cache must hold its
// requirements, see DownloadModules).
func config(dir string, mode packages.LoadMode) *packages.Config {
	env := []string{"GOPATH=" + dir, "GO111MODULE=off", "GOWORK=off"}
	if isModule(dir) {
		gowork := filepath.Join(dir, "go.work")
		if _, err := os.Stat(gowork); err != nil {
			gowork = "off"
		}
		env = []string{"GO111MODULE=on", "GOPROXY=off", "GOWORK=" + gowork}
	}
	cfg := &packages.Config{
		Mode:  mode,
		Dir:   filepath.Join(dir, "src"),
		Tests: true,
		Env:   append(os.Environ(), env...),
	}
	if isModule(dir) {
		cfg.Dir = dir
	}
	return cfg
}

func isModule(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "go.mod"))
	return err == nil
}
