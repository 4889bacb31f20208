// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package config

import (
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// A Model is the configuration as the analyzers see it, the Result of
// [Config.Analyzer]. It does not change: read it, never write it.
type Model struct {
	// Resources is the resource model: the built-in table plus the
	// user-defined resources.
	Resources *resource.Model

	strict, debug [check.Count]bool

	// Enforce: poolpolicy reports raw pool calls outside the packages
	// of Allow.
	Enforce bool
	Allow   Patterns
}

// Strict reports whether the check runs in strict mode.
func (m *Model) Strict(id check.ID) bool { return id < check.Count && m.strict[id] }

// Debug reports whether the check also reports, for debugging, what it
// does not report.
func (m *Model) Debug(id check.ID) bool { return id < check.Count && m.debug[id] }

// A ResourceError is a user-defined resource that names a type, method
// or function that its package does not have, which shows only once the
// packages are loaded. The check the resource belongs to reports it.
type ResourceError struct {
	Index int    // the resource's index in [Config.Resources]
	Type  string // the resource's type
	Check check.ID
	Msg   string // what is missing
}

func (e *ResourceError) Error() string {
	return "config: resource type " + e.Type + ": " + e.Msg
}
