// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package ownership

import (
	"github.com/dbleaklint/dbleaklint/internal/reach"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// The schema of user-defined resources belongs to the internal resource
// model; these aliases let the packages outside passes/ (the analyzer
// library's Config, the golangci-lint plugin, the command) name it.

// Spec describes a user-defined resource; see [resource.Spec].
type Spec = resource.Spec

// ReleaseFunc is a function that releases one of its arguments; see
// [resource.ReleaseFunc].
type ReleaseFunc = resource.ReleaseFunc

// Configure validates specs and installs them for every analysis of the
// process; see [resource.Configure].
func Configure(specs []Spec) error { return resource.Configure(specs) }

// Specs returns the user-defined resources installed by Configure.
func Specs() []Spec { return resource.Default.Specs() }

// ResourceRoots returns the packages that declare a resource type of the
// model made of the built-in table and specs: the roots of [reach],
// through which the standalone loader and the benchmark, which may not
// import the model, decide which packages can hold a resource as the
// analysis does.
func ResourceRoots(specs []Spec) (reach.Roots, error) {
	m, err := resource.New(specs)
	if err != nil {
		return reach.Roots{}, err
	}
	return m.Roots(), nil
}
