// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package rawpool

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// A Policy says where a raw use of the pool is a finding of the
// poolpolicy check. The configuration's model holds it (-poolpolicy.enforce,
// -poolpolicy.allow); the poolpolicy check reports its findings, and the
// ignore analyzer counts them when it judges the directives, without
// depending on the check.
type Policy struct {
	Enforce bool     // report raw uses at all
	Allow   []string // the packages that may make them: exact, or a subtree with "/..."
}

// Findings returns the raw uses in the pass's package that the policy
// forbids: none unless it is enforced, and none in an allowed package.
func (p Policy) Findings(pass *analysis.Pass) []Use {
	if !p.Enforce || allowed(pass.Pkg.Path(), p.Allow) {
		return nil
	}
	return Uses(pass)
}

// matchPattern reports whether path is pat, or is in the subtree pat
// names when pat ends in "/...".
func matchPattern(pat, path string) bool {
	base, subtree := strings.CutSuffix(pat, "/...")
	if !subtree {
		return path == pat
	}
	return path == base || strings.HasPrefix(path, base+"/")
}

// allowed reports whether the package path may use the raw pool: the
// runtime package, its subpackages, and the packages matching allow. The
// external test package of a package ("p_test") counts as the package.
func allowed(path string, allow []string) bool {
	path = strings.TrimSuffix(path, "_test")
	if matchPattern(resource.RuntimePath+"/...", path) {
		return true
	}
	for _, pat := range allow {
		if matchPattern(pat, path) {
			return true
		}
	}
	return false
}
