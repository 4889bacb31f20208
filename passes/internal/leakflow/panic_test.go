// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// This is an external test: it runs checks built on the engine
// (rowsclose, txend), which import this package.
package leakflow_test

import (
	"fmt"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
	"github.com/dbleaklint/dbleaklint/passes/rowsclose"
	"github.com/dbleaklint/dbleaklint/passes/txend"
)

// The engine panics with panicValue on the function bad of the package
// testdata/src/panicking, whose functions good and bad each leak rows.
const (
	panicValue = "test: injected engine panic"
	badFunc    = "panicking.bad" // as ssa.Function.String names it
)

// panicOnBad returns a configuration whose engine panics at the start
// of the analysis of bad.
func panicOnBad() *config.Config {
	return leakflow.ConfigWithHook(func(fn *ssa.Function) {
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

// runPanicking runs a on testdata/src/panicking with the errors
// recorded, and returns its one result.
func runPanicking(t *testing.T, a *analysis.Analyzer) (*analysistest.Result, *recorder) {
	t.Helper()
	rec := new(recorder)
	results := testutil.Run(rec, testutil.TestData(), a, "panicking")
	if len(results) != 1 {
		t.Fatalf("got %d results, want 1; errors: %q", len(results), rec.errs)
	}
	return results[0], rec
}

// where renders pos as base:line:col.
func where(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d:%d", filepath.Base(p.Filename), p.Line, p.Column)
}

// Without the panic, both leaks are reported: the "// want" comments of
// testdata/src/panicking hold, so the runs below really lose bad's.
func TestPanickingBaseline(t *testing.T) {
	t.Parallel()
	testutil.Run(t, testutil.TestData(), rowsclose.Analyzer, "panicking")
}

// The engine recovers the panic, records it as an InternalError naming
// the function, and goes on with the other functions.
func TestPanicRecoveredByEngine(t *testing.T) {
	t.Parallel()
	r, rec := runPanicking(t, leakflow.For(panicOnBad()))
	if r.Err != nil {
		t.Fatalf("the engine failed: %v", r.Err)
	}
	// The engine reports nothing itself: the "// want" comments, which
	// belong to rowsclose, are the only errors.
	for _, e := range rec.errs {
		if !strings.Contains(e, "no diagnostic was reported matching") {
			t.Errorf("unexpected error: %s", e)
		}
	}
	res, ok := r.Result.(*leakflow.Result)
	if !ok {
		t.Fatalf("result is %T, want *leakflow.Result", r.Result)
	}
	fset := r.Action.Package.Fset

	if len(res.Errors) != 1 {
		t.Fatalf("got %d internal errors, want 1: %v", len(res.Errors), res.Errors)
	}
	e := res.Errors[0]
	if e.Func != badFunc {
		t.Errorf("InternalError.Func = %q, want %q", e.Func, badFunc)
	}
	// The panic happens before any acquisition of bad is walked, so no
	// check is known: every check reports it.
	if e.Check != check.None {
		t.Errorf("InternalError.Check = %q, want none", e.Check)
	}
	if e.Panic != panicValue {
		t.Errorf("InternalError.Panic = %v, want %q", e.Panic, panicValue)
	}
	if want := "internal error analyzing " + badFunc + ": " + panicValue; e.Error() != want {
		t.Errorf("InternalError.Error() = %q, want %q", e.Error(), want)
	}
	// The stack is the panicking goroutine's: it runs through the hook.
	if !strings.Contains(string(e.Stack), "panic_test.go") {
		t.Errorf("InternalError.Stack does not show the panic in panic_test.go:\n%s", e.Stack)
	}

	// good is analyzed all the same; bad is skipped.
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Fn.String()+" "+where(fset, f.Acquire))
	}
	if want := []string{"panicking.good panicking.go:12:15"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}

// A check reports the leaks found in the other functions and fails
// with an error that names itself and the function, without crashing.
func TestPanicReportedByChecks(t *testing.T) {
	t.Parallel()
	c := panicOnBad()
	for _, a := range []*analysis.Analyzer{rowsclose.For(c), txend.For(c)} {
		t.Run(a.Name, func(t *testing.T) {
			r, rec := runPanicking(t, a)
			wantErr := "internal error analyzing " + badFunc + ": " + panicValue +
				" (please report it; -" + a.Name + ".debug prints the stack)"
			if r.Err == nil || r.Err.Error() != wantErr {
				t.Errorf("check error %v, want %q", r.Err, wantErr)
			}
			// analysistest reports the error through Testing.Errorf,
			// naming the action (the check and the package).
			if len(rec.errs) != 1 {
				t.Fatalf("got %d errors, want 1: %q", len(rec.errs), rec.errs)
			}
			if want := "error analyzing " + a.Name + "@panicking: " + wantErr; rec.errs[0] != want {
				t.Errorf("error %q, want %q", rec.errs[0], want)
			}
			for _, bad := range []string{"goroutine ", "panic_test.go"} {
				if strings.Contains(rec.errs[0], bad) {
					t.Errorf("error holds a stack (%q) without -%s.debug: %q", bad, a.Name, rec.errs[0])
				}
			}

			// The diagnostics are kept: rowsclose reports good's leak
			// (analysistest does not check "// want" after an error,
			// so the test does), txend has nothing to report.
			var got []string
			for _, d := range r.Diagnostics {
				got = append(got, where(r.Action.Package.Fset, d.Pos)+": "+d.Message)
			}
			var want []string
			if a.Name == "rowsclose" {
				want = []string{"panicking.go:12:15: rows from db.QueryContext is not closed on the path that returns at panicking.go:19; defer rows.Close() after the error check"}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("diagnostics\n got %q\nwant %q", got, want)
			}
		})
	}
}

// With -rowsclose.debug the error carries the stack of the panic.
func TestPanicDebugStack(t *testing.T) {
	t.Parallel()
	a := rowsclose.For(panicOnBad())
	if err := a.Flags.Set("debug", "true"); err != nil {
		t.Fatal(err)
	}
	r, _ := runPanicking(t, a)
	if r.Err == nil {
		t.Fatal("no error")
	}
	msg := r.Err.Error()
	first, stack, _ := strings.Cut(msg, "\n")
	if want := "internal error analyzing " + badFunc + ": " + panicValue; first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
	for _, want := range []string{"goroutine ", "panic_test.go"} {
		if !strings.Contains(stack, want) {
			t.Errorf("-debug error lacks %q in its stack:\n%s", want, msg)
		}
	}
}
