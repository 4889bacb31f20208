// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package leakflow is dbleaklint's engine: one forward walk over the SSA
// control-flow graph per acquired resource, run once per package by an
// internal analyzer whose Result lists every finding. Each check filters
// the findings of its resource types and reports them.
//
// # The question
//
// A resource (rows, a connection, a transaction, ...) is acquired by a
// call. Is it released on every path that leaves the function, or that
// reaches the acquisition again? A leak on one path is a leak.
//
// # Values
//
// The resource is the acquired value plus its aliases: Extract of the
// result tuple, Phi edges, conversions and interface wrapping, and the
// heap cells (Allocs) that hold it, which is how a variable captured by a
// closure lives. Aliases are found flow-insensitively from the
// acquisition's referrers (alias.go). The paired error result, and the
// cells it is stored into, form a second set used by branch facts.
//
// # The walk
//
// From the instruction after the acquisition, the walk visits (block,
// state) pairs, each at most once, so its cost is linear in the size of
// the function: paths are never enumerated (walk.go). The state is a
// few bits: the release is deferred through a heap cell, the path went
// around the acquisition's loop, the error's cell went stale, the path
// went through a callee the engine cannot see into (strict mode), plus
// the break statement by which the path last left a loop, for the
// message (bounded by the number of break statements). Every
// other outcome ends the path: released, handed over (returned to the
// caller, stored, passed where ownership is unknown), or not acquired
// at all (the error branch).
//
// Branch facts (branch.go) refine If edges: on the edge where the paired
// error is non-nil, or the resource itself is nil, nothing is held; on
// the false edge of rows.Next() the rows are closed; for pgx, on the
// edge where Scan failed the rows are closed; database/sql's row.Err()
// being non-nil means the row holds nothing. testify's assertions carry
// the same facts (testify.go).
//
// A path leaks when it reaches a return while the resource is held, when
// it reaches the acquisition again (the next loop iteration), or when the
// heap cell holding the resource is overwritten. Every edge that ends an
// iteration is recorded as the walk takes it, even where the memo merges
// paths, and named from the syntax (exits.go): the continue statement,
// or the end of the loop body. One finding is made per acquisition and
// kind of exit, naming the first exit by position; every exit becomes
// related information.
//
// # Calls
//
// A call releases the resource when it is a release method on an alias,
// a library function that releases its argument (pgx.CollectRows), or a
// function of this package or a closure whose summary says it releases
// the argument on every path (summary.go: the same walk, rooted at a
// parameter or free variable). A deferred call that releases covers
// every later exit; a deferred closure that releases on some path only
// (the commit-or-rollback closure) is trusted too. A function of this
// package that returns a resource it acquired is itself an acquisition
// for its callers (owned.go).
//
// A resource passed to a callee the engine cannot see into (a function
// value, an interface method, a function of another package) is handed
// over: precision comes first, so the default mode stays silent and
// records why (Result.Untracked). The strict mode assumes instead that
// such a callee only borrows it and goes on; its findings carry
// StrictMode.
//
// # Known imprecision
//
// Aliasing of the resource is flow-insensitive (that of its error is
// not: see aliases.errPhis); a resource reachable only through a struct
// field, map or slice is not tracked. Paths through no-return calls
// (os.Exit, log.Fatal, t.Fatal and local helpers that end in one) are
// cut by the SSA builder.
package leakflow

import (
	"go/token"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
	"github.com/dbleaklint/dbleaklint/passes/internal/safe"
	"github.com/dbleaklint/dbleaklint/passes/internal/ssabuild"
)

// Analyzer runs the engine once per package, in the default
// configuration.
var Analyzer = For(config.Default)

type engineKey struct{}

// For returns the analyzer that runs the engine once per package in the
// configuration c: every check of c requires it.
func For(c *config.Config) *analysis.Analyzer {
	return config.Instance(c, engineKey{}, func() *analysis.Analyzer { return newAnalyzer(c, nil) })
}

// newAnalyzer builds the engine's analyzer of the configuration c. Tests
// give it a hook, called at the start of the analysis of each function
// (see hooks_test.go); For gives none.
func newAnalyzer(c *config.Config, hook func(*ssa.Function)) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "dbleaklint_leakflow",
		Doc:        "find database resources not released on every path (internal to dbleaklint)",
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, c, hook) },
		Requires:   []*analysis.Analyzer{ssabuild.For(c), ownershipFor(c)},
		ResultType: reflect.TypeFor[*Result](),
		// See ssabuild.Analyzer: nothing is built for an ill-typed package.
		RunDespiteErrors: true,
	}
}

// Ownership returns the ownership analyzer of the configuration c, which
// the analyzer of For(c) requires (see ownership.go).
func Ownership(c *config.Config) *analysis.Analyzer { return ownershipFor(c) }

// Result is every finding of the engine for one package.
type Result struct {
	Findings  []*Finding
	Untracked []*Untracked
	// Errors records functions whose analysis panicked. The engine
	// recovers, skips the function and goes on with the others.
	Errors []*InternalError
	// ConfigErrors are the user-defined resources that name what does
	// not exist (see Facts.ConfigErrors).
	ConfigErrors []*config.ResourceError
	// Nested are the calls that take a connection from a pool while
	// one of the same pool is held (nested.go); NestedUnsure, those on
	// a pool of the same type that cannot be shown to be the same.
	Nested, NestedUnsure []*Nested
}

// An InternalError is a recovered panic of the engine: Check is the
// check whose resource was being analyzed, or None if unknown.
type InternalError = safe.Error

// An ExitKind is the way a leaking path leaves the resource behind.
type ExitKind int

const (
	// Return: a return statement (or the end of the function) is
	// reached while the resource is held.
	Return ExitKind = iota
	// Continue: a continue statement leads back to the acquisition.
	Continue
	// Iterate: the end of the loop body leads back to the acquisition.
	Iterate
	// Overwrite: the variable holding the resource is assigned again.
	Overwrite
	// Discard: the resource is never assigned to anything.
	Discard
	// DeferInLoop: the release is deferred inside a loop, so each
	// iteration holds one more resource until the function returns.
	DeferInLoop
)

// A Finding is one leaking acquisition and one kind of exit.
type Finding struct {
	Type    *resource.Type
	Fn      *ssa.Function
	Acquire token.Pos // the acquiring call
	Callee  string    // the call as written, e.g. "db.QueryContext"
	Var     string    // the variable the resource is assigned to, if any
	Kind    ExitKind
	Exits   []token.Pos // leaking exits of this kind, in position order
	Via     token.Pos   // for Return: the break statement the first exit's path took, if any
	// Failed is, for Return, the call that keeps the resource only when
	// it succeeds, on whose failure the first exit's path left it held.
	Failed token.Pos
	// Contained: for Return, the resource is held in a local slice or
	// map on that path (collections.go): the message asks to release
	// its elements (the fixer sees the collection and offers no defer).
	Contained bool
	Message   string
	// Mode says in which mode of the checks the finding is reported.
	// Leaking paths that went through a call the engine cannot see into
	// (a function value, an interface method, a function of another
	// package), on the assumption that it only borrowed the resource,
	// are reported in the strict mode only.
	Mode Mode
	// Assumed are, for a strict-mode finding, the kinds of callees that
	// its leaking paths assumed to borrow the resource.
	Assumed Unseen
}

// Check returns the check that reports f: deferloop for a release
// deferred in a loop, the check of the resource's type for the others.
func (f *Finding) Check() check.ID {
	if f.Kind == DeferInLoop {
		return check.DeferLoop
	}
	return f.Type.Check
}

// A Mode selects the findings of the default or the strict mode.
type Mode uint8

const (
	BothModes   Mode = iota // reported in both modes
	DefaultMode             // the default mode's finding; strict mode has a larger one
	StrictMode              // includes exits after calls the engine cannot see into
)

// In reports whether the finding belongs to the mode (strict or not).
func (m Mode) In(strict bool) bool {
	switch m {
	case DefaultMode:
		return !strict
	case StrictMode:
		return strict
	}
	return true
}

// Untracked records an acquisition that the engine stopped following
// because ownership became unclear; the -debug flag reports it.
type Untracked struct {
	Type    *resource.Type
	Acquire token.Pos
	Callee  string
	Reason  string
}

func run(pass *analysis.Pass, c *config.Config, hook func(*ssa.Function)) (any, error) {
	built := pass.ResultOf[ssabuild.For(c)].(*ssabuild.SSA)
	facts := pass.ResultOf[ownershipFor(c)].(*Facts)
	res := &Result{Errors: facts.Errors, ConfigErrors: facts.ConfigErrors}
	if built.Pkg == nil || facts.engine == nil {
		return res, nil
	}
	// Go on with the summaries the ownership facts were computed from.
	e := facts.engine
	e.pass = pass
	e.hook = hook
	for _, fn := range built.SrcFuncs {
		e.analyzeSafely(fn, res)
	}
	e.findNested(built.SrcFuncs, res) // nestedacquire: nested.go
	return res, nil
}

// analyzeSafely analyzes one function, turning a panic into an error
// that names the function, so that one bad function never stops the
// analysis of the others.
func (e *engine) analyzeSafely(fn *ssa.Function, res *Result) {
	e.current = check.None
	if err := safe.Analyze(check.None, fn, func() { e.analyzeFunc(fn, res) }); err != nil {
		err.Check = e.current // the check known when it panicked
		res.Errors = append(res.Errors, err)
	}
}
