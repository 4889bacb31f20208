// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package realpgx_test runs every check of dbleaklint against the real
// pgx v5, pgxpool and database/sql, in module mode, so that the stubs of
// testdata/src can never drift from the library they stand for.
//
// The cases live in testdata/mod/realpgx, a module of its own: one
// package per check, named after it, whose "// want" comments belong to
// that check only.
package realpgx_test

import (
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/sqlrowserr"
	"golang.org/x/tools/go/packages"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/internal/testutil"
)

const pgxPath = "github.com/jackc/pgx/v5"

// pgxRequire matches the pgx requirement of a go.mod file.
var pgxRequire = regexp.MustCompile(`(?m)^\s*(?:require\s+)?github\.com/jackc/pgx/v5 (v\S+)`)

// pgxVersion returns the version of pgx that the go.mod file requires.
func pgxVersion(t *testing.T, gomod string) string {
	t.Helper()
	data, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	m := pgxRequire.FindSubmatch(data)
	if m == nil {
		t.Fatalf("%s does not require %s", gomod, pgxPath)
	}
	return string(m[1])
}

func Test(t *testing.T) {
	dir := filepath.Join(testutil.TestData(), "mod", "realpgx")

	// The cases are written against the pgx that dbleaklint's table
	// describes: the version the repository itself requires.
	want := pgxVersion(t, filepath.Join(testutil.TestData(), "..", "go.mod"))
	if got := pgxVersion(t, filepath.Join(dir, "go.mod")); got != want {
		t.Fatalf("testdata/mod/realpgx requires pgx %s, the repository %s", got, want)
	}

	// analysistest loads in module mode with GOPROXY=off: fill the
	// module cache first.
	testutil.DownloadModules(t, dir)
	// The pgx the cases import is the real one, from the module cache.
	// (The analyzers read it from export data, as the command does.)
	checkRealPgx(t, dir, want)

	ran := 0
	for _, a := range analyzer.Suite {
		if a == sqlrowserr.Analyzer {
			continue // x/tools' own check, tested there
		}
		ran++
		t.Run(a.Name, func(t *testing.T) {
			if checkFlags[a.Name] != nil {
				// The flags are the analyzer's, seen by every run
				// (poolpolicy's by ignore too): set them for this
				// subtest alone, which runs before the parallel ones.
				setFlags(t, a)
			} else {
				t.Parallel()
			}
			pkgDir := filepath.Join(dir, a.Name)
			if _, err := os.Stat(pkgDir); err != nil {
				t.Fatalf("no real-pgx cases for check %s: %v", a.Name, err)
			}
			results := testutil.Run(t, dir, a, "./"+a.Name)
			if len(results) == 0 {
				t.Fatal("no package analyzed")
			}
			for _, r := range results {
				pkg := r.Action.Package
				// Each package holds at least one leak (or, for the
				// analyzer that only exports facts, one fact)...
				if len(r.Diagnostics) == 0 && len(r.Facts) == 0 {
					t.Errorf("%s: no diagnostic and no fact: the package must hold at least one case", pkg.ID)
				}
				// ...and is checked against the real pgx.
				if !importsPgx(pkg.Types) {
					t.Errorf("%s does not import pgx", pkg.ID)
				}
			}
		})
	}
	if ran == 0 {
		t.Fatal("analyzer.Suite has no check of dbleaklint")
	}
}

// checkRealPgx checks that pgx, in the module at dir, is the real pgx
// at version, from the module cache.
func checkRealPgx(t *testing.T, dir, version string) {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedModule,
		Dir:  dir,
		Env:  append(os.Environ(), "GO111MODULE=on", "GOPROXY=off", "GOWORK=off"),
	}, pgxPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 1 {
		t.Fatalf("go list %s in %s: %d packages, want 1", pgxPath, dir, len(pkgs))
	}
	if m := pkgs[0].Module; m == nil || m.Path != pgxPath || m.Version != version || m.Dir == "" || m.Replace != nil {
		t.Fatalf("%s in %s comes from module %+v, want %s %s from the module cache", pgxPath, dir, m, pgxPath, version)
	}
}

// checkFlags are the flags that a check needs to report anything.
var checkFlags = map[string]map[string]string{
	"poolpolicy": {"enforce": "true"},
}

// setFlags sets the checkFlags of a until the test ends.
func setFlags(t *testing.T, a *analysis.Analyzer) {
	t.Helper()
	for name, value := range checkFlags[a.Name] {
		f := a.Flags.Lookup(name)
		if f == nil {
			t.Fatalf("%s has no flag -%s", a.Name, name)
		}
		old := f.Value.String()
		if err := f.Value.Set(value); err != nil {
			t.Fatalf("-%s.%s=%s: %v", a.Name, name, value, err)
		}
		t.Cleanup(func() { f.Value.Set(old) })
	}
}

// importsPgx reports whether pkg imports a package of pgx directly.
func importsPgx(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == pgxPath || strings.HasPrefix(imp.Path(), pgxPath+"/") {
			return true
		}
	}
	return false
}
