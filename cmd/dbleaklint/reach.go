// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"strings"

	"github.com/dbleaklint/dbleaklint/passes/ownership"
)

// builtinRoots are the packages of the built-in resource table. They
// mirror the resource model's own list (passes/internal/resource, which
// this package may not import): keep them in step.
var builtinRoots = []string{"database/sql", "github.com/jackc/pgx/v5"}

// resourceRoots returns the test that decides which packages can hold
// a resource: a package can if it is, or is under, the package of a
// resource type, built in or configured, or if it imports such a
// package. Call it after the configuration is applied.
func resourceRoots() func(path string) bool {
	roots := append([]string(nil), builtinRoots...)
	for _, s := range ownership.Specs() {
		t := strings.TrimPrefix(s.Type, "*")
		if i := strings.LastIndex(t, "."); i > 0 {
			roots = append(roots, t[:i])
		}
	}
	return func(path string) bool {
		for _, r := range roots {
			if path == r || strings.HasPrefix(path, r+"/") {
				return true
			}
		}
		return false
	}
}
