// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package reach_test

import (
	"go/types"
	"iter"
	"slices"
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/reach"
)

var roots = reach.NewRoots([]string{"github.com/jackc/pgx/v5", "database/sql", "example.com/store", "database/sql"})

func TestRoots(t *testing.T) {
	if got, want := roots.Paths(), []string{"database/sql", "example.com/store", "github.com/jackc/pgx/v5"}; !slices.Equal(got, want) {
		t.Errorf("Paths() = %q, want %q (sorted, without duplicates)", got, want)
	}
	for _, tc := range []struct {
		path              string
		declares, library bool
	}{
		{"database/sql", true, true},
		{"database/sql/driver", false, true}, // a subpackage declares no resource
		{"database/sqlx", false, false},      // a prefix is not a subpackage
		{"github.com/jackc/pgx/v5/pgconn", false, true},
		{"github.com/jackc/pgx/v4", false, false},
		{"example.com/store", true, true},
		{"fmt", false, false},
	} {
		if got := roots.Declares(tc.path); got != tc.declares {
			t.Errorf("Declares(%q) = %t, want %t", tc.path, got, tc.declares)
		}
		if got := roots.Library(tc.path); got != tc.library {
			t.Errorf("Library(%q) = %t, want %t", tc.path, got, tc.library)
		}
	}
}

// TestGraph checks reachability over a graph of import paths, and that
// each node is asked for its imports once.
func TestGraph(t *testing.T) {
	imports := map[string][]string{
		"app":                    {"app/handlers", "app/util"},
		"app/handlers":           {"app/repo", "fmt"},
		"app/repo":               {"database/sql", "app/util"},
		"app/util":               {"fmt", "github.com/google/uuid"},
		"app/cache":              {"example.com/store/internal"},
		"app/store":              {"example.com/store"},
		"github.com/google/uuid": {"database/sql/driver"},
		"database/sql":           {"database/sql/driver"},
	}
	asked := make(map[string]int)
	g := reach.NewGraph(roots, func(p string) string { return p }, func(p string) iter.Seq[string] {
		asked[p]++
		return slices.Values(imports[p])
	})
	for _, tc := range []struct {
		pkg  string
		want bool
	}{
		{"app", true},
		{"app/handlers", true},
		{"app/repo", true},
		{"database/sql", true},
		{"app/util", false},  // uuid imports database/sql/driver only
		{"app/cache", false}, // a subpackage of a root is not a root
		{"app/store", true},  // a user-declared resource's package
		{"github.com/google/uuid", false},
		{"fmt", false},
	} {
		if got := g.Reaches(tc.pkg); got != tc.want {
			t.Errorf("Reaches(%q) = %t, want %t", tc.pkg, got, tc.want)
		}
	}
	for p, n := range asked {
		if n > 1 {
			t.Errorf("the imports of %s were asked for %d times, want once", p, n)
		}
	}
}

func TestTypes(t *testing.T) {
	sql := types.NewPackage("database/sql", "sql")
	driver := types.NewPackage("database/sql/driver", "driver")
	sql.SetImports([]*types.Package{driver})
	repo := types.NewPackage("example.com/app/repo", "repo")
	repo.SetImports([]*types.Package{sql})
	app := types.NewPackage("example.com/app", "app")
	app.SetImports([]*types.Package{repo})
	uuid := types.NewPackage("github.com/google/uuid", "uuid")
	uuid.SetImports([]*types.Package{driver})
	g := reach.Types(roots)
	for _, tc := range []struct {
		pkg  *types.Package
		want bool
	}{{app, true}, {repo, true}, {sql, true}, {driver, false}, {uuid, false}} {
		if got := g.Reaches(tc.pkg); got != tc.want {
			t.Errorf("Reaches(%s) = %t, want %t", tc.pkg.Path(), got, tc.want)
		}
	}
}
