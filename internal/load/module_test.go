// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package load

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/dbleaklint/dbleaklint/internal/cache"
	"github.com/dbleaklint/dbleaklint/internal/reach"
)

// moduleFiles is a module whose packages can or cannot hold a resource:
// repo queries database/sql, cache uses a user-declared resource of
// store, util and uuidlike import database/sql/driver only.
var moduleFiles = map[string]string{
	"go.mod": "module example.com/m\n\ngo 1.22\n",
	"repo/repo.go": `package repo

import (
	"database/sql"

	"example.com/m/util"
)

func Names(db *sql.DB) error {
	rows, err := db.Query(util.Query())
	if err != nil {
		return err
	}
	return rows.Close()
}
`,
	"repo/repo_test.go": `package repo

import "testing"

func TestNothing(t *testing.T) {}
`,
	"util/util.go": `package util

import "database/sql/driver"

var _ driver.Value

func Query() string { return "SELECT name FROM users" }
`,
	"store/store.go": `package store

type Handle struct{}

func Open() *Handle { return &Handle{} }

func (*Handle) Close() {}
`,
	"cache/cache.go": `package cache

import "example.com/m/store"

func Warm() { store.Open().Close() }
`,
	"cmd/tool/main.go": `package main

import (
	"fmt"

	"example.com/m/util"
)

func main() { fmt.Println(util.Query()) }
`,
}

// writeModule writes files under a new directory and returns it.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		name = filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var moduleRoots = reach.NewRoots([]string{"database/sql", "github.com/jackc/pgx/v5", "example.com/m/store"})

// TestLoadModule lists and loads a module with go list: only the
// packages that can hold a resource are roots, type-checked from source
// with their syntax and types; the others they need are read from
// export data or their declarations.
func TestLoadModule(t *testing.T) {
	dir := writeModule(t, moduleFiles)
	ctx := context.Background()
	l, err := List(ctx, Config{Patterns: []string{"./..."}, Tests: true, Roots: moduleRoots, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"example.com/m/cache", "example.com/m/repo [example.com/m/repo.test]", "example.com/m/store"}
	if got := ids(l.Roots); !slices.Equal(got, want) {
		t.Fatalf("listed roots %q, want %q", got, want)
	}
	prog, err := l.Load(ctx, l.Roots)
	if err != nil {
		t.Fatal(err)
	}
	if len(prog.Errs) > 0 {
		t.Fatalf("errors: %q", prog.Errs)
	}
	if got := ids(prog.Roots); !slices.Equal(got, want) {
		t.Errorf("loaded roots %q, want %q", got, want)
	}
	for _, p := range prog.Roots {
		if p.Types == nil || !p.Types.Complete() || p.TypesInfo == nil || len(p.Syntax) == 0 || p.IllTyped {
			t.Errorf("%s: not type-checked from source (complete types, info, syntax)", p.ID)
		}
		for _, imp := range p.Imports {
			if !l.Analyzed(imp.ID) {
				t.Errorf("%s: Imports holds %s, which is not analyzed", p.ID, imp.ID)
			}
		}
	}
	// The roots, repo (whose test variant is the root) and the test
	// main, which imports the variant.
	if prog.Sourced != 5 {
		t.Errorf("%d packages type-checked from source, want 5 (cache, store, repo, its variant, its test main)", prog.Sourced)
	}
	if prog.Exported+prog.Declared == 0 {
		t.Errorf("no package read from export data or declarations; util and database/sql are needed")
	}

	// Loading part of the roots (the others' results were cached).
	i := slices.IndexFunc(l.Roots, func(p *packages.Package) bool { return p.ID == "example.com/m/cache" })
	prog, err = l.Load(ctx, l.Roots[i:i+1])
	if err != nil || len(prog.Errs) > 0 {
		t.Fatalf("loading one root: %v %q", err, prog.Errs)
	}
	if got := ids(prog.Roots); !slices.Equal(got, want[:1]) {
		t.Errorf("loaded roots %q, want %q", got, want[:1])
	}
	if prog.Sourced != 2 {
		t.Errorf("%d packages type-checked from source, want 2 (cache, store)", prog.Sourced)
	}
}

// TestLoadErrors checks that a type error is one line of Errs, and that
// the package is still a root, marked ill-typed.
func TestLoadErrors(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":   "module example.com/bad\n\ngo 1.22\n",
		"bad/b.go": "package bad\n\nimport \"database/sql\"\n\nfunc Count(db *sql.DB) int { return \"n\" }\n",
	})
	ctx := context.Background()
	l, err := List(ctx, Config{Patterns: []string{"./..."}, Roots: moduleRoots, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	prog, err := l.Load(ctx, l.Roots)
	if err != nil {
		t.Fatal(err)
	}
	if len(prog.Errs) != 1 || !strings.Contains(prog.Errs[0], "b.go:5:") || strings.Contains(prog.Errs[0], "\n") {
		t.Errorf("Errs = %q, want one line at b.go:5", prog.Errs)
	}
	if len(prog.Roots) != 1 || !prog.Roots[0].IllTyped {
		t.Errorf("want the package as an ill-typed root")
	}
}

// TestListCached checks that the listing is reused while nothing it
// depends on changes, and listed again when a file changes or a package
// is added. It runs in the module's directory, as the command does.
func TestListCached(t *testing.T) {
	dir := writeModule(t, moduleFiles)
	t.Chdir(dir)
	store, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cfg := Config{Patterns: []string{"./..."}, Roots: moduleRoots}
	list := func(what string, wantCached bool, wantRoots ...string) {
		t.Helper()
		l, cached, err := ListCached(ctx, cfg, store)
		if err != nil {
			t.Fatal(err)
		}
		if cached != wantCached {
			t.Errorf("%s: from the cache: %t, want %t", what, cached, wantCached)
		}
		if got := ids(l.Roots); !slices.Equal(got, wantRoots) {
			t.Errorf("%s: roots %q, want %q", what, got, wantRoots)
		}
	}
	list("first", false, "example.com/m/cache", "example.com/m/repo", "example.com/m/store")
	list("again", true, "example.com/m/cache", "example.com/m/repo", "example.com/m/store")

	// util now imports database/sql: the same files, another listing.
	util := filepath.Join(dir, "util", "util.go")
	if err := os.WriteFile(util, []byte("package util\n\nimport \"database/sql\"\n\nvar _ sql.DB\n\nfunc Query() string { return \"\" }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	list("after an edit", false, "example.com/m/cache", "example.com/m/cmd/tool", "example.com/m/repo", "example.com/m/store", "example.com/m/util")
	list("again after the edit", true, "example.com/m/cache", "example.com/m/cmd/tool", "example.com/m/repo", "example.com/m/store", "example.com/m/util")

	if err := os.MkdirAll(filepath.Join(dir, "extra"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "extra", "x.go"), []byte("package extra\n\nimport _ \"database/sql\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	list("after a new package", false, "example.com/m/cache", "example.com/m/cmd/tool", "example.com/m/extra", "example.com/m/repo", "example.com/m/store", "example.com/m/util")

	// The roots come from the configuration, not from the cached
	// listing: without the user resource, cache reaches nothing.
	cfg.Roots = reach.NewRoots([]string{"database/sql"})
	list("other roots", true, "example.com/m/cmd/tool", "example.com/m/extra", "example.com/m/repo", "example.com/m/util")
}
