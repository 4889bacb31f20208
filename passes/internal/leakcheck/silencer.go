// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakcheck

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// A Silencer applies the //dbleaklint:ignore directives of a package,
// parsing them on the first question.
type Silencer struct {
	pass *analysis.Pass
	dirs *directives // parsed on the first question: clean code pays nothing
}

// NewSilencer returns the Silencer of the pass's package.
func NewSilencer(pass *analysis.Pass) *Silencer { return &Silencer{pass: pass} }

// Silenced reports whether a directive silences a finding at pos.
func (s *Silencer) Silenced(pos token.Pos) bool {
	if s.dirs == nil {
		s.dirs = parseDirectives(s.pass)
	}
	return s.dirs.silencing(pos) != nil
}
