// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package load

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/dbleaklint/dbleaklint/internal/reach"
)

// A fakeGraph builds packages.Package graphs the way go list returns
// them, without running it.
type fakeGraph map[string]*packages.Package

// pkg returns the package with the given ID, importing imports (IDs),
// creating it if needed. The path of an ID "p [p.test]" is p.
func (g fakeGraph) pkg(id string, imports ...string) *packages.Package {
	p := g[id]
	if p == nil {
		path, _, _ := strings.Cut(id, " [")
		p = &packages.Package{ID: id, PkgPath: path, Name: "p", Imports: make(map[string]*packages.Package)}
		g[id] = p
	}
	for _, imp := range imports {
		q := g.pkg(imp)
		p.Imports[q.PkgPath] = q
	}
	return p
}

func ids(pkgs []*packages.Package) []string {
	var out []string
	for _, p := range pkgs {
		out = append(out, p.ID)
	}
	slices.Sort(out)
	return out
}

// TestListing checks which packages the first step analyzes: those that
// reach a root (a user-declared resource's package included), without
// the libraries the model describes unless they are targets, and a
// package whose test variant is a target only as the variant.
func TestListing(t *testing.T) {
	g := fakeGraph{}
	g.pkg("database/sql", "database/sql/driver", "context")
	g.pkg("github.com/google/uuid", "database/sql/driver")
	g.pkg("example.com/app/repo", "database/sql", "example.com/app/util")
	g.pkg("example.com/app/repo [example.com/app/repo.test]", "database/sql", "example.com/app/util", "testing")
	g.pkg("example.com/app/repo.test", "example.com/app/repo [example.com/app/repo.test]", "testing").Name = "main"
	g.pkg("example.com/app/util", "github.com/google/uuid", "context")
	g.pkg("example.com/app/store", "context") // declares a user resource
	g.pkg("example.com/app/cache", "example.com/app/store")
	g.pkg("example.com/app", "example.com/app/repo", "example.com/app/cache", "unsafe")
	targets := []*packages.Package{
		g["example.com/app"], g["example.com/app/cache"], g["example.com/app/repo"],
		g["example.com/app/repo [example.com/app/repo.test]"], g["example.com/app/repo.test"],
		g["example.com/app/store"], g["example.com/app/util"],
	}
	roots := reach.NewRoots([]string{"database/sql", "github.com/jackc/pgx/v5", "example.com/app/store"})
	l := newListing(Config{Patterns: []string{"./..."}, Tests: true, Roots: roots}, targets)

	want := []string{
		"example.com/app",
		"example.com/app/cache",
		"example.com/app/repo [example.com/app/repo.test]", // not example.com/app/repo: the variant has its files
		"example.com/app/store",                            // a root, and a target
	}
	if got := ids(l.Roots); !slices.Equal(got, want) {
		t.Errorf("Roots = %q, want %q", got, want)
	}
	for id, want := range map[string]bool{
		"example.com/app/repo":      true, // analyzed, though only its variant is reported on
		"example.com/app/util":      false,
		"example.com/app/repo.test": true,  // the test main imports the variant; not a root
		"database/sql":              false, // a library the model describes, read from export data
		"database/sql/driver":       false,
		"github.com/google/uuid":    false,
		"unsafe":                    false,
	} {
		if got := l.Analyzed(id); got != want {
			t.Errorf("Analyzed(%q) = %t, want %t", id, got, want)
		}
	}
	if l.Named || len(l.Errs) > 0 {
		t.Errorf("Named = %t, Errs = %q; want false, none", l.Named, l.Errs)
	}

	// A library is analyzed when it is a target, and so is every
	// package that imports it, even a library that is no target:
	// export data must never import a package checked from source.
	g2 := fakeGraph{}
	g2.pkg("database/sql", "database/sql/driver")
	g2.pkg("github.com/jackc/pgx/v5/stdlib", "database/sql", "database/sql/driver")
	g2.pkg("example.com/app", "github.com/jackc/pgx/v5/stdlib")
	l = newListing(Config{Patterns: []string{"database/sql", "example.com/app"}, Roots: roots},
		[]*packages.Package{g2["database/sql"], g2["example.com/app"]})
	if got, want := ids(l.Roots), []string{"database/sql", "example.com/app"}; !slices.Equal(got, want) {
		t.Errorf("with database/sql as a target, Roots = %q, want %q", got, want)
	}
	if !l.Analyzed("github.com/jackc/pgx/v5/stdlib") || l.Analyzed("database/sql/driver") {
		t.Errorf("Analyzed(pgx/v5/stdlib) = %t, Analyzed(database/sql/driver) = %t; want true, false",
			l.Analyzed("github.com/jackc/pgx/v5/stdlib"), l.Analyzed("database/sql/driver"))
	}
}

// TestNamedFiles checks that files named on the command line are
// recognized: they are listed again by the original patterns only.
func TestNamedFiles(t *testing.T) {
	g := fakeGraph{}
	p := g.pkg("command-line-arguments", "database/sql")
	p.PkgPath = "command-line-arguments"
	l := newListing(Config{Patterns: []string{"a.go"}, Roots: reach.NewRoots([]string{"database/sql"})}, []*packages.Package{p})
	if !l.Named || len(l.Roots) != 1 {
		t.Errorf("Named = %t, %d roots; want true, 1", l.Named, len(l.Roots))
	}
}

// TestLoadKinds checks how the packages that source packages need are
// obtained when the build cache holds export data for some of them.
func TestLoadKinds(t *testing.T) {
	g := fakeGraph{}
	g.pkg("errors")
	g.pkg("fmt", "errors")
	g.pkg("example.com/util", "fmt")                             // not compiled
	g.pkg("example.com/util [example.com/app.test]", "fmt")      // a test variant
	g.pkg("example.com/lib", "example.com/util", "errors")       // compiled, but imports util
	g.pkg("example.com/app", "example.com/lib", "fmt", "unsafe") // analyzed
	g.pkg("example.com/app [example.com/app.test]", "example.com/util [example.com/app.test]")
	g.pkg("example.com/unused", "errors")
	initial := []*packages.Package{g["example.com/app"], g["example.com/app [example.com/app.test]"], g["example.com/unused"]}
	src := map[string]bool{"example.com/app": true, "example.com/app [example.com/app.test]": true}
	cached := map[string]bool{"errors": true, "fmt": true, "example.com/lib": true, "example.com/util [example.com/app.test]": true}

	want := map[string]loadKind{
		"example.com/app":                        fromSource,
		"example.com/app [example.com/app.test]": fromSource,
		"fmt":                                    fromExport,
		"example.com/lib":                        fromDecls, // its import util is not compiled
		"example.com/util":                       fromDecls,
		"errors":                                 fromExport,
		"example.com/util [example.com/app.test]": fromDecls, // export data of a test variant is not read alone
	}
	if got := loadKinds(initial, src, cached, false); !maps.Equal(got, want) {
		t.Errorf("loadKinds, partly compiled:\n got %v\nwant %v", got, want)
	}
	// Everything compiled: every import of a source package is read
	// from export data, which holds its own dependencies.
	want = map[string]loadKind{
		"example.com/app":                        fromSource,
		"example.com/app [example.com/app.test]": fromSource,
		"fmt":                                    fromExport,
		"example.com/lib":                        fromExport,
		"example.com/util [example.com/app.test]": fromExport,
	}
	if got := loadKinds(initial, src, cached, true); !maps.Equal(got, want) {
		t.Errorf("loadKinds, compiled:\n got %v\nwant %v", got, want)
	}
}

func TestBasePath(t *testing.T) {
	g := fakeGraph{}
	for id, want := range map[string]string{
		"example.com/p":                           "example.com/p",
		"example.com/p [example.com/p.test]":      "example.com/p",
		"example.com/p_test [example.com/p.test]": "example.com/p",
		"example.com/q [example.com/p.test]":      "example.com/p",
	} {
		if got := BasePath(g.pkg(id)); got != want {
			t.Errorf("BasePath(%q) = %q, want %q", id, got, want)
		}
	}
}
