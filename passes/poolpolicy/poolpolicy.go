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

	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
	"github.com/dbleaklint/dbleaklint/passes/internal/ssabuild"
)

//go:embed doc.go
var doc string

// Analyzer reports raw pgxpool acquisitions outside the allowed packages
// (when -poolpolicy.enforce is set) and connections or transactions that
// escape the callback of a scoped helper (always).
var Analyzer = &analysis.Analyzer{
	Name:       "poolpolicy",
	Doc:        docutil.MustExtract(doc, "poolpolicy"),
	URL:        "https://pkg.go.dev/github.com/dbleaklint/dbleaklint/passes/poolpolicy",
	Run:        run,
	Requires:   []*analysis.Analyzer{ssabuild.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	// ssabuild builds nothing for a package that does not type-check,
	// whose errors the driver reports once; the raw-call half only needs
	// the type information of the expressions it looks at.
	RunDespiteErrors: true,
}

// The flags' values: package-level, like the Analyzer they configure.
var (
	enforce bool
	allow   patterns
)

func init() {
	Analyzer.Flags.BoolVar(&enforce, "enforce", false,
		"report raw Acquire, Begin, BeginTx, Query, QueryRow and SendBatch of *pgxpool.Pool outside the allowed packages")
	Analyzer.Flags.Var(&allow, "allow",
		"comma-separated package paths that may use the raw pool, besides the runtime package; a trailing /... matches a subtree")
}

// Result lists the positions of a package's poolpolicy findings,
// silenced or not, for the ignore analyzer to judge the directives.
type Result struct{ positions []token.Pos }

// FindingPositions implements leakcheck.FindingSource.
func (r *Result) FindingPositions() []token.Pos { return r.positions }

func run(pass *analysis.Pass) (_ any, err error) {
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
	if enforce && !allowed(pass.Pkg.Path(), allow) {
		checkRawCalls(pass, report)
	}
	if ssa, _ := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA); ssa != nil && ssa.Pkg != nil {
		checkEscapes(pass, ssa, report)
	}
	return res, nil
}
