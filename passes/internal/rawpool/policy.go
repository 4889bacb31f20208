// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package rawpool

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// runtimePath is the import path of dbleaklint's runtime package, which
// implements the scoped helpers and so must use the raw pool.
const runtimePath = "github.com/dbleaklint/dbleaklint/runtime"

// A Policy says where a raw use of the pool is a finding of the
// poolpolicy check.
type Policy struct {
	Enforce bool     // -poolpolicy.enforce: report raw uses at all
	Allow   Patterns // -poolpolicy.allow: the packages that may make them
}

// Current is the policy of the run. The poolpolicy check declares the
// flags that set it and reports its findings; the ignore analyzer reads
// it too, to count those findings when it judges the directives,
// without depending on the check.
var Current Policy

// Findings returns the raw uses in the pass's package that the policy
// forbids: none unless it is enforced, and none in an allowed package.
func (p *Policy) Findings(pass *analysis.Pass) []Use {
	if !p.Enforce || allowed(pass.Pkg.Path(), p.Allow) {
		return nil
	}
	return Uses(pass)
}

// Patterns is the value of -poolpolicy.allow: package paths, each either
// exact or ending in "/..." to match a subtree. It implements flag.Value.
type Patterns []string

// String returns the Patterns as the comma-separated list they were set
// from.
func (p *Patterns) String() string {
	if p == nil {
		return ""
	}
	return strings.Join(*p, ",")
}

// Set replaces the Patterns with those of a comma-separated list. Blank
// entries are ignored; "..." anywhere but in a trailing "/..." is an error,
// because the pattern would not mean what it seems to.
func (p *Patterns) Set(list string) error {
	var out []string
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		base := strings.TrimSuffix(s, "/...")
		if base == "" || strings.Contains(base, "...") || strings.Contains(base, " ") {
			return fmt.Errorf("bad package pattern %q: want an import path, or one followed by \"/...\" for its subtree", s)
		}
		out = append(out, s)
	}
	*p = out
	return nil
}

// match reports whether the package path matches one of the Patterns.
func (p Patterns) match(path string) bool {
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
func allowed(path string, allow Patterns) bool {
	path = strings.TrimSuffix(path, "_test")
	return matchPattern(runtimePath+"/...", path) || allow.match(path)
}
