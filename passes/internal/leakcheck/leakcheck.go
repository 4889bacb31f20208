// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package leakcheck builds the thin analyzers of dbleaklint: each
// reports the findings of the shared engine (package leakflow) that
// belong to it, and nothing else.
//
// Every check honors the //dbleaklint:ignore directive (directive.go)
// and attaches the mechanical fix of package suggest where there is
// one. The directives themselves, those without a reason and those
// that silence nothing, are reported once, by the ignore analyzer
// (ignore.go), not by every check.
package leakcheck

import (
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
	"github.com/dbleaklint/dbleaklint/passes/internal/safe"
	"github.com/dbleaklint/dbleaklint/passes/internal/suggest"
)

// New returns the analyzer of the check name, documented by doc, that
// reports the engine's findings for which belongs returns true.
func New(name, doc string, belongs func(*leakflow.Finding) bool) *analysis.Analyzer {
	c := &check{name: name, belongs: belongs}
	a := &analysis.Analyzer{
		Name:     name,
		Doc:      doc,
		URL:      "https://pkg.go.dev/github.com/dbleaklint/dbleaklint/passes/" + name,
		Run:      c.run,
		Requires: []*analysis.Analyzer{leakflow.Analyzer},
		// The engine finds nothing in a package that does not
		// type-check, whose errors the driver reports once.
		RunDespiteErrors: true,
	}
	a.Flags.BoolVar(&c.debug, "debug", false, "also report acquisitions that are not tracked, and why (ownership unclear)")
	a.Flags.BoolVar(&c.strict, "strict", false, "assume that functions the analysis cannot see into (function values, interface methods, functions with no ownership fact) only borrow the resources passed to them, and report the leaks that follow")
	return a
}

// ForCheck matches the leak findings of the resource types that the
// table assigns to the named check.
func ForCheck(name string) func(*leakflow.Finding) bool {
	return func(f *leakflow.Finding) bool {
		return f.Kind != leakflow.DeferInLoop && f.Type.Check == name
	}
}

type check struct {
	name    string
	debug   bool
	strict  bool
	belongs func(*leakflow.Finding) bool
}

func (c *check) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[leakflow.Analyzer].(*leakflow.Result)
	for _, e := range res.ConfigErrors {
		if e.Check == c.name {
			return nil, e // a configuration naming what does not exist
		}
	}
	// The engine's failures on this check's resources or on a function
	// it gave up before knowing the check, then this check's own.
	failed := slices.DeleteFunc(slices.Clone(res.Errors), func(e *safe.Error) bool {
		return e.Check != c.name && e.Check != ""
	})
	silencer := NewSilencer(pass)
	for _, f := range res.Findings {
		if !c.belongs(f) || !f.Mode.In(c.strict) {
			continue
		}
		if err := safe.Analyze(c.name, f.Fn, func() { c.report(pass, f, res, silencer) }); err != nil {
			failed = append(failed, err)
		}
	}
	if c.debug {
		c.reportUntracked(pass, res)
	}
	if len(failed) > 0 {
		return nil, failed[0].Report(c.name, c.debug)
	}
	return nil, nil
}

// report reports the finding f unless a directive silences it, with the
// mechanical fix when there is one.
func (c *check) report(pass *analysis.Pass, f *leakflow.Finding, res *leakflow.Result, silencer *Silencer) {
	if silencer.Silenced(Pos(f)) {
		return
	}
	d := diagnostic(c.name, f)
	if fix := suggest.Fix(pass, f, res); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	pass.Report(d)
}
