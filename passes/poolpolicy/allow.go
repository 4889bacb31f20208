// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package poolpolicy

import "strings"

// runtimePath is the import path of dbleaklint's runtime package, which
// implements the scoped helpers and so must use the raw pool.
const runtimePath = "github.com/dbleaklint/dbleaklint/runtime"

// patterns are the allowed packages of the configuration, -poolpolicy.allow:
// package paths, each either exact or ending in "/..." to match a subtree.
type patterns []string

// match reports whether the package path matches one of the patterns.
func (p patterns) match(path string) bool {
	for _, pat := range p {
		if matchPattern(pat, path) {
			return true
		}
	}
	return false
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
func allowed(path string, allow patterns) bool {
	path = strings.TrimSuffix(path, "_test")
	return matchPattern(runtimePath+"/...", path) || allow.match(path)
}
