// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package golangci is dbleaklint's golangci-lint v2 module plugin.
// Importing it registers the linter "dbleaklint": a custom golangci-lint
// built with `golangci-lint custom` from a .custom-gcl.yml that names
// this package runs every check of dbleaklint as one linter, configured
// by the linter's settings (see [analyzer.Config] for the schema, and
// .golangci.example.yml at the root of the repository).
package golangci

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/analyzer"
)

// Name is the name of the linter in golangci-lint's configuration, in
// its output and in //nolint comments.
const Name = "dbleaklint"

func init() { register.Plugin(Name, New) }

// New returns the plugin configured by settings, the linter's settings
// as golangci-lint decoded them from its configuration file. Unknown
// keys are an error naming them.
func New(settings any) (register.LinterPlugin, error) {
	if err := checkKeys(settings); err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	cfg, err := register.DecodeSettings[analyzer.Config](settings)
	if err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	return &plugin{cfg: cfg}, nil
}

type plugin struct{ cfg analyzer.Config }

// BuildAnalyzers returns the checks in the configuration of the
// settings, but those they disable: instances of their own, so that
// the process's other analyses keep theirs.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	set, err := analyzer.New(&p.cfg)
	if err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	out := make([]*analysis.Analyzer, len(set.Enabled))
	for i, a := range set.Enabled {
		out[i] = withoutRelated(a)
	}
	return out, nil
}

// GetLoadMode asks for type information: the checks run on SSA.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// withoutRelated returns a copy of a whose diagnostics carry no related
// information. golangci-lint turns each related position into an issue
// of its own, which a //nolint:dbleaklint on the finding's line does not
// silence; the finding's message already names the leaking exit.
//
// An analyzer with facts is returned as it is: the checks require the
// original, and golangci-lint refuses two analyzers that register the
// same fact type. The only one, ownership, reports nothing.
func withoutRelated(a *analysis.Analyzer) *analysis.Analyzer {
	if len(a.FactTypes) > 0 {
		return a
	}
	w := *a
	w.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			pass.Report(d)
		}
		return a.Run(&p)
	}
	return &w
}
