// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package poolpolicy

import (
	_ "embed"
	"fmt"
	"go/token"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
	"github.com/dbleaklint/dbleaklint/passes/internal/ssabuild"
)

//go:embed doc.go
var doc string

// Analyzer reports raw pgxpool acquisitions outside the allowed packages
// (when -poolpolicy.enforce is set) and connections or transactions that
// escape the callback of a scoped helper (always), in the default
// configuration.
var Analyzer = For(config.Default)

type key struct{}

// For returns the check in the configuration c, which owns its
// -poolpolicy.enforce and -poolpolicy.allow flags.
func For(c *config.Config) *analysis.Analyzer {
	return config.Instance(c, key{}, func() *analysis.Analyzer {
		ssa := ssabuild.For(c)
		a := &analysis.Analyzer{
			Name:       check.PoolPolicy.String(),
			Doc:        docutil.MustExtract(doc, check.PoolPolicy.String()),
			URL:        leakcheck.URL(check.PoolPolicy),
			Run:        func(pass *analysis.Pass) (any, error) { return run(pass, c, ssa) },
			Requires:   []*analysis.Analyzer{c.Analyzer, ssa},
			ResultType: reflect.TypeFor[*Result](),
			// ssabuild builds nothing for a package that does not type-check,
			// whose errors the driver reports once; the raw-call half only needs
			// the type information of the expressions it looks at.
			RunDespiteErrors: true,
		}
		c.AddFlags(check.PoolPolicy, &a.Flags)
		return a
	})
}

// Result lists the positions of a package's poolpolicy findings,
// silenced or not, for the ignore analyzer to judge the directives.
type Result struct{ positions []token.Pos }

// FindingPositions implements leakcheck.FindingSource.
func (r *Result) FindingPositions() []token.Pos { return r.positions }

func run(pass *analysis.Pass, c *config.Config, ssaAnalyzer *analysis.Analyzer) (_ any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	res := new(Result)
	silencer := leakcheck.NewSilencer(pass)
	report := func(d analysis.Diagnostic) {
		res.positions = append(res.positions, d.Pos)
		if !silencer.Silenced(d.Pos) {
			pass.Report(d)
		}
	}
	cfg := pass.ResultOf[c.Analyzer].(*config.Model)
	if cfg.Enforce && !allowed(pass.Pkg.Path(), patterns(cfg.Allow)) {
		checkRawCalls(pass, report)
	}
	if ssa, _ := pass.ResultOf[ssaAnalyzer].(*ssabuild.SSA); ssa != nil && ssa.Pkg != nil {
		checkEscapes(pass, ssa, report)
	}
	return res, nil
}
