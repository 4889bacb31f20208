// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package poolpolicy

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
	"github.com/dbleaklint/dbleaklint/passes/internal/rawpool"
)

//go:embed doc.go
var doc string

// Analyzer reports raw pgxpool acquisitions outside the allowed packages,
// when -poolpolicy.enforce is set.
var Analyzer = &analysis.Analyzer{
	Name: "poolpolicy",
	Doc:  docutil.MustExtract(doc, "poolpolicy"),
	URL:  "https://pkg.go.dev/github.com/dbleaklint/dbleaklint/passes/poolpolicy",
	Run:  run,
	// The check only needs the type information of the expressions it
	// looks at; the driver reports a package's type errors once.
	RunDespiteErrors: true,
}

func init() {
	// The flags set the policy that package rawpool holds for this
	// check and the ignore analyzer.
	Analyzer.Flags.BoolVar(&rawpool.Current.Enforce, "enforce", false,
		"report raw Acquire, Begin, BeginTx, Query, QueryRow and SendBatch of *pgxpool.Pool outside the allowed packages")
	Analyzer.Flags.Var(&rawpool.Current.Allow, "allow",
		"comma-separated package paths that may use the raw pool, besides the runtime package; a trailing /... matches a subtree")
}

func run(pass *analysis.Pass) (any, error) {
	silencer := leakcheck.NewSilencer(pass)
	for _, u := range rawpool.Current.Findings(pass) {
		if silencer.Silenced(u.Pos) {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:      u.Pos,
			Category: "poolpolicy",
			Message:  fmt.Sprintf("raw (*pgxpool.Pool).%s outside the allowed packages; %s", u.Method, u.Advice),
		})
	}
	return nil, nil
}
