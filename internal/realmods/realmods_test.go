// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package realmods_test runs dbleaklint's checks against the real sqlx
// and pgx v4, in module mode, as internal/realpgx does for pgx v5: the
// cases live in testdata/mod/realsqlx and testdata/mod/realpgxv4, one
// package per check, named after it, whose "// want" comments belong to
// that check only.
package realmods_test

import (
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/internal/testutil"
)

// modules are the module trees, the real module each one checks, and
// its version (the one the built-in table was read from).
var modules = []struct{ dir, module, version string }{
	{"realsqlx", "github.com/jmoiron/sqlx", "v1.4.0"},
	{"realpgxv4", "github.com/jackc/pgx/v4", "v4.18.3"},
}

func Test(t *testing.T) {
	for _, m := range modules {
		t.Run(m.dir, func(t *testing.T) {
			dir := filepath.Join(testutil.TestData(), "mod", m.dir)
			// analysistest loads module-mode testdata with GOPROXY=off.
			testutil.DownloadModules(t, dir)
			checkModule(t, dir, m.module, m.version)
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			ran := 0
			for _, e := range entries {
				if !e.IsDir() {
					continue
				}
				a := check(e.Name())
				if a == nil {
					t.Errorf("%s/%s: no check of that name", m.dir, e.Name())
					continue
				}
				ran++
				results := testutil.Run(t, dir, a, "./"+e.Name())
				for _, r := range results {
					if len(r.Diagnostics) == 0 {
						t.Errorf("%s: no diagnostic: the package must hold at least one case", r.Action.Package.ID)
					}
					if !importsModule(r.Action.Package.Types, m.module) {
						t.Errorf("%s does not import %s", r.Action.Package.ID, m.module)
					}
				}
			}
			if ran == 0 {
				t.Fatalf("%s holds no case", m.dir)
			}
		})
	}
}

// check returns the check of the suite with the given name, or nil.
func check(name string) *analysis.Analyzer {
	for _, a := range analyzer.Suite {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// checkModule checks that module, as the module at dir resolves it, is
// the real module at version, from the module cache.
func checkModule(t *testing.T, dir, module, version string) {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedModule,
		Dir:  dir,
		Env:  append(os.Environ(), "GO111MODULE=on", "GOPROXY=off", "GOWORK=off"),
	}, module)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 1 {
		t.Fatalf("go list %s in %s: %d packages, want 1", module, dir, len(pkgs))
	}
	if m := pkgs[0].Module; m == nil || m.Path != module || m.Version != version || m.Dir == "" || m.Replace != nil {
		t.Fatalf("%s in %s comes from module %+v, want %s %s from the module cache", module, dir, m, module, version)
	}
}

// importsModule reports whether pkg imports a package of module
// directly.
func importsModule(pkg *types.Package, module string) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == module || strings.HasPrefix(imp.Path(), module+"/") {
			return true
		}
	}
	return false
}
