// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package config

import (
	"fmt"
	"strings"
)

// Patterns are poolpolicy's allowed packages: package paths, each either
// exact or ending in "/..." to match a subtree.
type Patterns []string

// String returns the patterns as the comma-separated list they were set
// from.
func (p *Patterns) String() string {
	if p == nil {
		return ""
	}
	return strings.Join(*p, ",")
}

// Set replaces the patterns with those of a comma-separated list. Blank
// entries are ignored.
func (p *Patterns) Set(list string) error {
	var out []string
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if err := checkPattern(s); err != nil {
			return err
		}
		out = append(out, s)
	}
	*p = out
	return nil
}

// checkPattern reports whether s is a package pattern: "..." anywhere
// but in a trailing "/..." is an error, because the pattern would not
// mean what it seems to.
func checkPattern(s string) error {
	base := strings.TrimSuffix(s, "/...")
	if base == "" || strings.Contains(base, "...") || strings.ContainsAny(base, " ,\t\n") {
		return fmt.Errorf("bad package pattern %q: want an import path, or one followed by \"/...\" for its subtree", s)
	}
	return nil
}
