// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// This is an external test: it runs the scopeescape check, which
// imports this package.
package escape_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/escape"
	"github.com/dbleaklint/dbleaklint/passes/scopeescape"
)

// The analysis panics with panicValue on the callback of bad in the
// package testdata/src/scopeescape/panicking, whose functions good and
// bad each let a connection escape.
const (
	panicValue = "test: injected escape panic"
	badFunc    = "scopeescape/panicking.bad$1" // as ssa.Function.String names it
)

// panicOnBad returns a configuration whose escape analysis panics at
// the start of the analysis of bad's callback.
func panicOnBad() *config.Config {
	return escape.ConfigWithHook(func(fn *ssa.Function) {
		if fn.String() == badFunc {
			panic(panicValue)
		}
	})
}

// recorder is an analysistest.Testing that records errors instead of
// failing the test, since the check is expected to return one.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// Without the panic, both escapes are reported: the "// want" comments
// of the package hold, so the runs below really lose bad's.
func TestPanickingBaseline(t *testing.T) {
	t.Parallel()
	testutil.Run(t, testutil.TestData(), scopeescape.For(config.Default), "scopeescape/panicking")
}

// The analysis recovers the panic, records it with the check, the
// callback and the stack, and goes on with the other callbacks; the
// check reports their escapes and fails with an error that says where.
func TestPanic(t *testing.T) {
	t.Parallel()
	for _, debug := range []bool{false, true} {
		t.Run(fmt.Sprintf("debug=%v", debug), func(t *testing.T) {
			a := scopeescape.For(panicOnBad())
			if err := a.Flags.Set("debug", fmt.Sprint(debug)); err != nil {
				t.Fatal(err)
			}
			rec := new(recorder)
			results := testutil.Run(rec, testutil.TestData(), a, "scopeescape/panicking")
			if len(results) != 1 {
				t.Fatalf("got %d results, want 1; errors: %q", len(results), rec.errs)
			}
			r := results[0]

			want := "internal error analyzing " + badFunc + ": " + panicValue
			if r.Err == nil {
				t.Fatal("the check reported no error")
			}
			first, stack, _ := strings.Cut(r.Err.Error(), "\n")
			switch {
			case !debug && r.Err.Error() != want+" (please report it; -scopeescape.debug prints the stack)":
				t.Errorf("check error %q, want %q and how to get the stack", r.Err, want)
			case debug && (first != want || !strings.Contains(stack, "panic_test.go")):
				t.Errorf("check error with -scopeescape.debug %q, want %q then the stack of the panic", r.Err, want)
			}

			// The escape in good is reported all the same.
			var got []string
			for _, d := range r.Diagnostics {
				p := r.Action.Package.Fset.Position(d.Pos)
				got = append(got, fmt.Sprintf("%s:%d %s", filepath.Base(p.Filename), p.Line, d.Category))
			}
			if want := []string{"panicking.go:18 scopeescape"}; fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("diagnostics %q, want %q", got, want)
			}
		})
	}
}

// The Result keeps the error whole: the check, the callback, the panic
// and the stack of the panicking goroutine.
func TestPanicResult(t *testing.T) {
	t.Parallel()
	rec := new(recorder)
	results := testutil.Run(rec, testutil.TestData(), escape.For(panicOnBad()), "scopeescape/panicking")
	if len(results) != 1 {
		t.Fatalf("got %d results, want 1; errors: %q", len(results), rec.errs)
	}
	res, ok := results[0].Result.(*escape.Result)
	if !ok {
		t.Fatalf("result is %T, want *escape.Result", results[0].Result)
	}
	if len(res.Errors) != 1 {
		t.Fatalf("got %d errors, want 1: %v", len(res.Errors), res.Errors)
	}
	e := res.Errors[0]
	if e.Check != check.ScopeEscape || e.Func != badFunc || e.Panic != panicValue {
		t.Errorf("error {Check: %q, Func: %q, Panic: %v}, want {scopeescape, %s, %s}", e.Check, e.Func, e.Panic, badFunc, panicValue)
	}
	if !strings.Contains(string(e.Stack), "panic_test.go") {
		t.Errorf("the stack does not show the panic in panic_test.go:\n%s", e.Stack)
	}
	if len(res.Findings) != 1 {
		t.Errorf("got %d findings, want good's only", len(res.Findings))
	}
}
