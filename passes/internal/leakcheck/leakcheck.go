// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package leakcheck builds the thin analyzers of dbleaklint: each
// reports the findings of the shared engine (package leakflow) that
// belong to it, and nothing else.
package leakcheck

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
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
	a.Flags.BoolVar(&c.strict, "strict", false, "assume that functions the analysis cannot see into (function values, interface methods, functions of other packages) only borrow the resources passed to them, and report the leaks that follow")
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

func (c *check) run(pass *analysis.Pass) (_ any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	res := pass.ResultOf[leakflow.Analyzer].(*leakflow.Result)
	for _, f := range res.Findings {
		if c.belongs(f) && f.Mode.In(c.strict) {
			pass.Report(diagnostic(c.name, f))
		}
	}
	if c.debug {
		c.reportUntracked(pass, res)
	}
	for _, e := range res.Errors {
		if e.Check == c.name || e.Check == "" {
			if c.debug {
				return nil, fmt.Errorf("%v\n%s", e, e.Stack)
			}
			return nil, fmt.Errorf("%v (please report it; -%s.debug prints the stack)", e, c.name)
		}
	}
	return nil, nil
}

// diagnostic reports a finding at the acquisition (at the defer, for a
// release deferred in a loop), with each leaking exit as related
// information.
func diagnostic(name string, f *leakflow.Finding) analysis.Diagnostic {
	d := analysis.Diagnostic{Pos: f.Acquire, Category: name, Message: f.Message}
	if f.Kind == leakflow.DeferInLoop {
		d.Pos = f.Exits[0]
		return d
	}
	for _, exit := range f.Exits {
		d.Related = append(d.Related, analysis.RelatedInformation{
			Pos:     exit,
			Message: fmt.Sprintf("%s leaks here", f.Type.Noun),
		})
	}
	return d
}

func (c *check) reportUntracked(pass *analysis.Pass, res *leakflow.Result) {
	for _, u := range res.Untracked {
		if u.Type.Check != c.name {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:      u.Acquire,
			Category: c.name + "/debug",
			Message:  fmt.Sprintf("debug: %s from %s is not tracked: %s", u.Type.Noun, u.Callee, u.Reason),
		})
	}
}
