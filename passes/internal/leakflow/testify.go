// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// Tests state what they expect with testify rather than with if
// statements. Two assertions carry the same facts as branches:
// require.Error(t, err) says the query failed, so nothing is held on
// the path that goes on; require.False(t, rows.Next()) says the rows
// were drained, so they are closed.

// testifyName returns the name of the testify assertion that c calls,
// as a function or as a method of *Assertions, or "".
func testifyName(c *ssa.CallCommon) string {
	callee := c.StaticCallee()
	if callee == nil || callee.Object() == nil || callee.Object().Pkg() == nil {
		return ""
	}
	if !resource.TestifyPackage(callee.Object().Pkg().Path()) {
		return ""
	}
	return callee.Name()
}

// assertsError reports whether the assertion named name fails unless
// its error argument is non-nil.
func assertsError(name string) bool {
	name = strings.TrimSuffix(name, "f")
	switch name {
	case "Error", "ErrorIs", "ErrorAs", "ErrorContains", "EqualError":
		return true
	}
	return false
}

// assertResultProvesErr reports, for a testify assertion whose bool
// result is branched on (if !assert.NoError(t, err) { return }), on
// which edge the paired error is non-nil: NoError and Nil report false
// for a non-nil error, Error and NotNil true.
func assertResultProvesErr(a *aliases, c *ssa.CallCommon, s state) (edge, ok bool) {
	name := strings.TrimSuffix(testifyName(c), "f")
	if name == "" || !slices.ContainsFunc(c.Args, func(v ssa.Value) bool { return a.isErr(v, s) }) {
		return false, false
	}
	switch {
	case name == "NoError" || name == "Nil":
		return false, true
	case name == "NotNil" || assertsError(name):
		return true, true
	}
	return false, false
}

// testifyEffect applies the facts of a testify assertion.
func testifyEffect(a *aliases, c *ssa.CallCommon) (effect, bool) {
	name := testifyName(c)
	if name == "" {
		return effect{}, false
	}
	for _, arg := range c.Args {
		if a.errs[arg] && assertsError(name) {
			return effect{kind: effNotHeld}, true
		}
		if call, ok := arg.(*ssa.Call); ok && a.typ.NextFalseReleases && isMethodOn(a, &call.Call, "Next") {
			if strings.TrimSuffix(name, "f") == "False" {
				return effect{kind: effRelease}, true
			}
		}
	}
	return effect{}, false
}

// nextBranched reports whether the result of rows.Next() is only used
// to branch on (directly, negated, or in testify's True and False), so
// that the branch facts know when the rows closed themselves.
func nextBranched(next *ssa.Call) bool {
	refs := next.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.If:
		case *ssa.UnOp:
			if r.Op != token.NOT || !nextBranchedNot(r) {
				return false
			}
		case *ssa.Call:
			name := strings.TrimSuffix(testifyName(&r.Call), "f")
			if name != "True" && name != "False" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func nextBranchedNot(not *ssa.UnOp) bool {
	refs := not.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		if _, ok := r.(*ssa.If); !ok {
			return false
		}
	}
	return true
}
