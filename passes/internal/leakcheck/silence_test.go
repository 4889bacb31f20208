// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakcheck_test

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/connrelease"
	"github.com/dbleaklint/dbleaklint/passes/ignore"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
	"github.com/dbleaklint/dbleaklint/passes/rowsclose"
)

// together returns an analyzer that runs the given analyzers on one
// pass, so that analysistest checks their diagnostics against one set
// of expectations, as the command prints them. A directive's effect on
// the checks and the ignore analyzer's verdict on it are then checked
// on the same code; run one by one, each analyzer would see the other's
// expectations as missing diagnostics.
func together(t *testing.T, analyzers ...*analysis.Analyzer) *analysis.Analyzer {
	t.Helper()
	requires := []*analysis.Analyzer{leakflow.Analyzer}
	for _, a := range analyzers {
		// Sharing the pass works only if each needs nothing else.
		if !slices.Equal(a.Requires, requires) {
			t.Fatalf("%s requires %v, not just leakflow: it cannot share a pass", a.Name, a.Requires)
		}
	}
	return &analysis.Analyzer{
		Name:             "together",
		Doc:              "runs several dbleaklint analyzers on one pass",
		Requires:         requires,
		RunDespiteErrors: true,
		Run: func(pass *analysis.Pass) (any, error) {
			for _, a := range analyzers {
				if _, err := a.Run(pass); err != nil {
					return nil, fmt.Errorf("%s: %v", a.Name, err)
				}
			}
			return nil, nil
		},
	}
}

// TestDirectivesSilence checks, on testdata/src/ignore/silence, that
// //dbleaklint:ignore silences real leaks (each has a reported twin)
// when it ends the acquiring line, stands on the line above it, or is
// in the doc comment of the enclosing function (closures included);
// that one without a reason still silences; and that a directive on
// the wrong line, or an unknown one, silences nothing.
func TestDirectivesSilence(t *testing.T) {
	a := together(t, connrelease.Analyzer, rowsclose.Analyzer, ignore.Analyzer)
	analysistest.Run(t, testutil.TestData(), a, "ignore/silence")
}
