// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package safe isolates the analysis of one function from the others:
// a panic while analyzing it becomes an Error that names the check, the
// function and keeps the stack, and the caller goes on with the next
// function. A bug triggered by one unusual function then costs the
// findings of that function only, never the package's or the run's.
//
// Every dbleaklint analyzer that walks functions uses Analyze; none
// recovers by hand.
package safe

import (
	"fmt"
	"runtime/debug"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/check"
)

// An Error is a recovered panic of the analysis of one function.
type Error struct {
	Check check.ID // the check whose analysis panicked, or None if unknown: every check reports it
	Func  string   // the function being analyzed, as ssa.Function.String names it
	Panic any      // the value the analysis panicked with
	Stack []byte   // the stack of the panicking goroutine
}

// Error says where the analysis failed and why, without the stack,
// which is for -CHECK.debug (see Detail).
func (e *Error) Error() string {
	return fmt.Sprintf("internal error analyzing %s: %v", e.Func, e.Panic)
}

// Detail is the message followed by the stack: what -CHECK.debug
// prints.
func (e *Error) Detail() string {
	return fmt.Sprintf("%v\n%s", e, e.Stack)
}

// Report is the error a check returns for e: with the stack when debug
// is set, or else asking for a report and saying how to get the stack.
func (e *Error) Report(id check.ID, debug bool) error {
	if debug {
		return fmt.Errorf("%s", e.Detail())
	}
	return fmt.Errorf("%v (please report it; -%s.debug prints the stack)", e, id)
}

// Analyze runs analyze, the analysis of fn for check, and returns the
// panic it recovers as an *Error, or nil. check may be "" when the
// caller learns it only once the panic happened (it then sets
// Error.Check itself).
func Analyze(id check.ID, fn *ssa.Function, analyze func()) (err *Error) {
	defer func() {
		if r := recover(); r != nil {
			err = &Error{Check: id, Func: funcName(fn), Panic: r, Stack: debug.Stack()}
		}
	}()
	analyze()
	return nil
}

// funcName names fn for the error; a nil fn is the package as a whole.
func funcName(fn *ssa.Function) string {
	if fn == nil {
		return "the package"
	}
	return fn.String()
}
