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

	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
	"github.com/dbleaklint/dbleaklint/passes/internal/safe"
	"github.com/dbleaklint/dbleaklint/passes/internal/suggest"
)

type key struct{ id check.ID }

// For returns the analyzer of the check id in the configuration c,
// documented by the doc.go file whose content is doc: it reports the
// engine's findings whose Check is id. One configuration has one
// analyzer of each check.
func For(c *config.Config, id check.ID, doc string) *analysis.Analyzer {
	return config.Instance(c, key{id}, func() *analysis.Analyzer {
		ch := &leakCheck{id: id, config: c, engine: leakflow.For(c)}
		a := &analysis.Analyzer{
			Name:     id.String(),
			Doc:      docutil.MustExtract(doc, id.String()),
			URL:      URL(id),
			Run:      ch.run,
			Requires: []*analysis.Analyzer{c.Analyzer, ch.engine},
			// The engine finds nothing in a package that does not
			// type-check, whose errors the driver reports once.
			RunDespiteErrors: true,
		}
		c.AddFlags(id, &a.Flags)
		return a
	})
}

// URL returns the address of the documentation of the check id.
func URL(id check.ID) string {
	return "https://pkg.go.dev/github.com/dbleaklint/dbleaklint/passes/" + id.String()
}

// A leakCheck is one check of one configuration.
type leakCheck struct {
	id     check.ID
	config *config.Config
	engine *analysis.Analyzer
}

func (c *leakCheck) run(pass *analysis.Pass) (any, error) {
	model := pass.ResultOf[c.config.Analyzer].(*config.Model)
	res := pass.ResultOf[c.engine].(*leakflow.Result)
	for _, e := range res.ConfigErrors {
		if e.Check == c.id {
			return nil, e // a configuration naming what does not exist
		}
	}
	strict, debug := model.Strict(c.id), model.Debug(c.id)
	// The engine's failures on this check's resources or on a function
	// it gave up before knowing the check, then this check's own.
	failed := slices.DeleteFunc(slices.Clone(res.Errors), func(e *safe.Error) bool {
		return e.Check != c.id && e.Check != check.None
	})
	silencer := NewSilencer(pass)
	for _, f := range res.Findings {
		// A panic on a malformed finding, even in telling whose it is,
		// costs that finding only.
		err := safe.Analyze(c.id, f.Fn, func() {
			if f.Check() == c.id && f.Mode.In(strict) {
				c.report(pass, f, res, silencer)
			}
		})
		if err != nil {
			failed = append(failed, err)
		}
	}
	if debug {
		c.reportUntracked(pass, res)
	}
	if len(failed) > 0 {
		return nil, failed[0].Report(c.id, debug)
	}
	return nil, nil
}

// report reports the finding f unless a directive silences it, with the
// mechanical fix when there is one.
func (c *leakCheck) report(pass *analysis.Pass, f *leakflow.Finding, res *leakflow.Result, silencer *Silencer) {
	if silencer.Silenced(Pos(f)) {
		return
	}
	d := diagnostic(c.id, f)
	if fix := suggest.Fix(pass, f, res); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	pass.Report(d)
}
