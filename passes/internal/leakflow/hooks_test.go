// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/config"
)

// ConfigWithHook returns a configuration of its own whose engine calls
// hook at the start of the analysis of each function, for the external
// tests of this package (panic_test.go, which runs checks built on the
// engine and so cannot be an internal test). The checks of the
// configuration, built after, require that engine: config.Instance
// keeps the first analyzer built for a key.
func ConfigWithHook(hook func(fn *ssa.Function)) *config.Config {
	c := config.MustNew(config.Settings{})
	config.Instance(c, engineKey{}, func() *analysis.Analyzer { return newAnalyzer(c, hook) })
	return c
}
