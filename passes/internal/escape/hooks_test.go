// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package escape

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/config"
)

// ConfigWithHook returns a configuration of its own whose escape
// analysis calls hook at the start of the analysis of each callback, for
// the external tests of this package (panic_test.go, which runs the
// scopeescape check and so cannot be an internal test). The checks of
// the configuration, built after, require that analyzer: config.Instance
// keeps the first analyzer built for a key.
func ConfigWithHook(hook func(cb *ssa.Function)) *config.Config {
	c := config.MustNew(config.Settings{})
	config.Instance(c, key{}, func() *analysis.Analyzer { return newAnalyzer(c, hook) })
	return c
}
