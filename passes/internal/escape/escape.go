// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package escape finds the connections and transactions that outlive
// the callback of a scoped helper (WithConn, WithTx, AcquireFunc,
// BeginFunc, ...), which ends them when it returns. An internal
// analyzer runs it once per package; the scopeescape check reports its
// findings and the ignore analyzer counts them, as the leak checks and
// ignore do with the engine's (package leakflow).
//
// For each callback, a walk follows the callback's connection or
// transaction parameter through the values that hold it (tracker.go):
// its copies, as the engine's aliases take them (package derived), and
// the values that contain it (a field, an element, a slice, a closure
// capturing it, a local variable or composite value storing it). A use
// that lets one of them outlive the callback is a finding (sinks.go):
// stored where the callback does not own (origin.go), returned, sent,
// or captured by a goroutine the callback does not wait for (join.go).
package escape

import (
	"go/token"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/safe"
	"github.com/dbleaklint/dbleaklint/passes/internal/ssabuild"
)

type key struct{}

// For returns the analyzer that finds the escapes of a package, in the
// configuration c.
func For(c *config.Config) *analysis.Analyzer {
	return config.Instance(c, key{}, func() *analysis.Analyzer { return newAnalyzer(c, nil) })
}

// newAnalyzer builds the analyzer of the configuration c. Tests give it
// a hook, called at the start of the analysis of each callback (see
// hooks_test.go); For gives none.
func newAnalyzer(c *config.Config, hook func(*ssa.Function)) *analysis.Analyzer {
	built := ssabuild.For(c)
	return &analysis.Analyzer{
		Name:       "dbleaklint_escape",
		Doc:        "find connections and transactions that escape the callback of a scoped helper (internal to dbleaklint)",
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, built, hook) },
		Requires:   []*analysis.Analyzer{built},
		ResultType: reflect.TypeFor[*Result](),
		// See ssabuild: nothing is built for an ill-typed package.
		RunDespiteErrors: true,
	}
}

// Result is every escape of one package.
type Result struct {
	Findings []*Finding
	// Errors records the callbacks whose analysis panicked: each is
	// skipped, and the others analyzed.
	Errors []*safe.Error
	// Unchecked are the calls to a helper whose callback the analysis
	// does not see: a function value, a function of another package.
	Unchecked []*Unchecked
}

// An Unchecked is a call to a scoped helper whose callback is not a
// function literal, function or method value of the package, so that
// the analysis cannot tell what it does with its connection or
// transaction, and stays silent.
type Unchecked struct {
	Pos    token.Pos // the call
	Helper string    // the helper, as messages name it
}

// A Finding is a connection or transaction that escapes a callback.
type Finding struct {
	Pos     token.Pos // the statement through which it escapes
	Message string
}

func run(pass *analysis.Pass, ssaAnalyzer *analysis.Analyzer, hook func(*ssa.Function)) (any, error) {
	res := new(Result)
	built, _ := pass.ResultOf[ssaAnalyzer].(*ssabuild.SSA)
	if built == nil || built.Pkg == nil {
		return res, nil
	}
	c := &checker{pkg: built.Pkg, funcs: built.SrcFuncs, res: res}
	for _, cb := range c.callbacks() {
		err := safe.Analyze(check.ScopeEscape, cb.fn, func() {
			if hook != nil {
				hook(cb.fn)
			}
			newTracker(c, cb).run()
		})
		if err != nil {
			res.Errors = append(res.Errors, err)
		}
	}
	return res, nil
}
