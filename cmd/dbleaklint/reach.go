// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"slices"
	"strings"

	"github.com/dbleaklint/dbleaklint/passes/ownership"
)

// builtinRoots are the packages that declare the built-in resource
// types. They mirror the resource model's own list
// (passes/internal/resource, which this package may not import): keep
// them in step.
var builtinRoots = []string{
	"database/sql", "github.com/jackc/pgx/v5", "github.com/jackc/pgx/v5/pgxpool",
	"github.com/jmoiron/sqlx", "github.com/jackc/pgx/v4", "github.com/jackc/pgx/v4/pgxpool",
}

// resourceRoots returns two tests on import paths, built from the
// packages that declare a resource type, built in or among specs.
//
// declares reports whether the package is one of them: a package can
// hold a resource if and only if it imports one, directly or not. Their
// subpackages do not count: database/sql/driver declares no resource,
// and github.com/google/uuid, imported by much code that never touches
// a database, imports it.
//
// library reports whether the package is one of them or under one
// (database/sql/driver, pgx/v5/pgconn, pgx/v5/stdlib): the libraries
// the model describes, read from export data unless they are targets.
func resourceRoots(specs []ownership.Spec) (declares, library func(path string) bool) {
	roots := append([]string(nil), builtinRoots...)
	for _, s := range specs {
		t := strings.TrimPrefix(s.Type, "*")
		if i := strings.LastIndex(t, "."); i > 0 {
			roots = append(roots, t[:i])
		}
	}
	declares = func(path string) bool { return slices.Contains(roots, path) }
	library = func(path string) bool {
		for _, r := range roots {
			if path == r || strings.HasPrefix(path, r+"/") {
				return true
			}
		}
		return false
	}
	return declares, library
}
