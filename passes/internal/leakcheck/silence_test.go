// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakcheck_test

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/connrelease"
	"github.com/dbleaklint/dbleaklint/passes/ignore"
	"github.com/dbleaklint/dbleaklint/passes/nestedacquire"
	"github.com/dbleaklint/dbleaklint/passes/poolpolicy"
	"github.com/dbleaklint/dbleaklint/passes/rowsclose"
	"github.com/dbleaklint/dbleaklint/passes/scopeescape"
)

// together returns an analyzer that runs the given analyzers on one
// pass, so that analysistest checks their diagnostics against one set
// of expectations, as the command prints them. A directive's effect on
// the checks and the ignore analyzer's verdict on it are then checked
// on the same code; run one by one, each analyzer would see the other's
// expectations as missing diagnostics. The pass has the results of
// every analyzer that one of them requires.
func together(analyzers ...*analysis.Analyzer) *analysis.Analyzer {
	var requires []*analysis.Analyzer
	for _, a := range analyzers {
		for _, r := range a.Requires {
			if !slices.Contains(requires, r) {
				requires = append(requires, r)
			}
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
	a := together(connrelease.Analyzer, rowsclose.Analyzer, ignore.Analyzer)
	testutil.Run(t, testutil.TestData(), a, "ignore/silence")
}

// TestPoolChecksSilenced checks, on testdata/src/ignore/policy, that
// scopeescape honors the directive, and that the ignore analyzer counts
// its findings as what a directive silences, and poolpolicy's only
// where it is enforced.
func TestPoolChecksSilenced(t *testing.T) {
	a := together(scopeescape.Analyzer, poolpolicy.Analyzer, ignore.Analyzer)
	testutil.Run(t, testutil.TestData(), a, "ignore/policy")
}

// TestPoolPolicySilenced checks, on testdata/src/ignore/rawpolicy, that
// poolpolicy, enforced, honors the directive, and that the ignore
// analyzer then counts its findings.
func TestPoolPolicySilenced(t *testing.T) {
	f := poolpolicy.Analyzer.Flags.Lookup("enforce")
	if err := f.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(f.DefValue) })
	a := together(poolpolicy.Analyzer, ignore.Analyzer)
	testutil.Run(t, testutil.TestData(), a, "ignore/rawpolicy")
}

// TestNestedAcquireSilenced checks, on testdata/src/ignore/nested, that
// nestedacquire honors the directive, and that the ignore analyzer
// counts its findings as what a directive silences.
func TestNestedAcquireSilenced(t *testing.T) {
	a := together(nestedacquire.Analyzer, ignore.Analyzer)
	testutil.Run(t, testutil.TestData(), a, "ignore/nested")
}
