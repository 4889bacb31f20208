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
	"os"
	"path/filepath"
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
					if !importsModule(r.Action.Package, m.module, m.version) {
						t.Errorf("%s does not import %s %s from the module cache", r.Action.Package.ID, m.module, m.version)
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

// importsModule reports whether pkg imports a package of module at
// version, directly.
func importsModule(pkg *packages.Package, module, version string) bool {
	for _, imp := range pkg.Imports {
		if m := imp.Module; m != nil && m.Path == module && m.Version == version && m.Dir != "" {
			return true
		}
	}
	return false
}
