// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package config is dbleaklint's configuration analyzer. A [Config]
// owns every setting of one configured suite: the checks' flags
// (-CHECK.strict, -CHECK.debug, -poolpolicy.enforce, -poolpolicy.allow,
// -ownership.resource), and the configuration file's or golangci-lint's
// settings they start from. Its analyzer, dbleaklint_config, reports
// nothing: its Result is the immutable [Model] that the engine and the
// checks require.
//
// Nothing here is global: each Config is a suite of its own, whose
// analyzers are built for it (rowsclose.For(c), ...) and share its one
// configuration analyzer, so that two configurations can run in one
// process at once. [Default] is the configuration of the package-level
// Analyzer variables, for go vet and singlechecker conventions.
//
// The flags stay on the checks that they configure, under their usual
// names, and write into their Config; the model is built from them when
// the analysis starts, after the command line is parsed.
package config

import (
	"errors"
	"flag"
	"fmt"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// Settings are what a configuration file or golangci-lint's settings
// set; the checks' flags may change them afterwards.
type Settings struct {
	// Strict sets the strict mode of every check that has one.
	Strict bool
	// Resources are the user-defined resources.
	Resources []resource.Spec
	// Enforce and Allow are poolpolicy's settings.
	Enforce bool
	Allow   []string
}

// A Config is one configuration of the suite.
type Config struct {
	// Analyzer is the configuration analyzer, whose Result is the
	// *Model; every analyzer of this configuration requires it.
	Analyzer *analysis.Analyzer

	mu    sync.Mutex
	set   settings
	model *Model // built from set on first use; nil again when set changes

	instMu    sync.Mutex
	instances map[any]*instance // see Instance
}

// settings are the values that the flags set.
type settings struct {
	strict, debug [check.Count]bool
	specs         []resource.Spec
	resources     *resource.Model // built from specs
	enforce       bool
	allow         Patterns
}

// Default is the configuration of the checks' package-level Analyzer
// variables: no setting but their flags.
var Default = MustNew(Settings{})

// New returns a configuration starting from s, or an error naming the
// first invalid setting (an *Error).
func New(s Settings) (*Config, error) {
	c := &Config{instances: make(map[any]*instance)}
	m, err := resource.Build(s.Resources)
	if err != nil {
		var se *resource.SpecError
		if errors.As(err, &se) {
			return nil, &Error{Key: "resources", Index: se.Index, Err: err}
		}
		return nil, err
	}
	c.set.specs = append([]resource.Spec(nil), s.Resources...)
	c.set.resources = m
	c.set.enforce = s.Enforce
	for i, p := range s.Allow {
		if err := checkPattern(p); err != nil {
			return nil, &Error{Key: "pool-policy.allow", Index: i, Err: err}
		}
		c.set.allow = append(c.set.allow, p)
	}
	if s.Strict {
		for _, id := range check.All() {
			if flagsOf(id).strict {
				c.set.strict[id] = true
			}
		}
	}
	c.Analyzer = &analysis.Analyzer{
		Name:       "dbleaklint_config",
		Doc:        "hold the settings of dbleaklint's checks (internal to dbleaklint)",
		Run:        func(*analysis.Pass) (any, error) { return c.Model(), nil },
		ResultType: reflect.TypeFor[*Model](),
		// The model does not depend on the package.
		RunDespiteErrors: true,
	}
	return c, nil
}

// MustNew is New for settings known to be valid.
func MustNew(s Settings) *Config {
	c, err := New(s)
	if err != nil {
		panic(err)
	}
	return c
}

// An Error is an invalid setting: the entry Index of the list at Key
// ("resources", "pool-policy.allow").
type Error struct {
	Key   string
	Index int
	Err   error
}

func (e *Error) Error() string {
	var se *resource.SpecError
	if errors.As(e.Err, &se) {
		return e.Err.Error() // "config: resources[1] (TYPE): ..."
	}
	return fmt.Sprintf("%s[%d]: %v", e.Key, e.Index, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Model returns the model of the current settings. It is immutable: a
// flag set afterwards makes a new one.
func (c *Config) Model() *Model {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.model == nil {
		c.model = &Model{
			Resources: c.set.resources,
			strict:    c.set.strict,
			debug:     c.set.debug,
			Enforce:   c.set.enforce,
			Allow:     append([]string(nil), c.set.allow...),
		}
	}
	return c.model
}

// Resources returns the user-defined resources of the current settings:
// the configuration's and those of -ownership.resource.
func (c *Config) Resources() []resource.Spec {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]resource.Spec(nil), c.set.specs...)
}

// update changes the settings under the lock and drops the model built
// from the old ones.
func (c *Config) update(f func(s *settings) error) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := f(&c.set); err != nil {
		return err
	}
	c.model = nil
	return nil
}

// read returns a value of the settings under the lock.
func read[T any](c *Config, f func(s *settings) T) T {
	c.mu.Lock()
	defer c.mu.Unlock()
	return f(&c.set)
}

// An instance is one analyzer built for a configuration.
type instance struct {
	once sync.Once
	a    *analysis.Analyzer
}

// Instance returns the analyzer that build makes for c, calling build
// the first time only: the analyzers of one configuration are built once
// and shared by all that require them. key identifies the analyzer; as
// for context values, use a type of the calling package.
func Instance(c *Config, key any, build func() *analysis.Analyzer) *analysis.Analyzer {
	c.instMu.Lock()
	in := c.instances[key]
	if in == nil {
		in = new(instance)
		c.instances[key] = in
	}
	c.instMu.Unlock()
	in.once.Do(func() { in.a = build() })
	return in.a
}

// AddFlags adds the flags of check id to fs, writing into c: strict and
// debug for the checks that have them, poolpolicy's enforce and allow,
// ownership's resource.
func (c *Config) AddFlags(id check.ID, fs *flag.FlagSet) {
	f := flagsOf(id)
	if f.debug {
		fs.Var(boolFlag{c, func(s *settings) *bool { return &s.debug[id] }}, "debug", f.debugUsage)
	}
	if f.strict {
		fs.Var(boolFlag{c, func(s *settings) *bool { return &s.strict[id] }}, "strict", "assume that functions the analysis cannot see into (function values, interface methods, functions with no ownership fact) only borrow the resources passed to them, and report the leaks that follow")
	}
	switch id {
	case check.PoolPolicy:
		fs.Var(boolFlag{c, func(s *settings) *bool { return &s.enforce }}, "enforce",
			"report raw Acquire, Begin, BeginTx, Query, QueryRow and SendBatch of *pgxpool.Pool outside the allowed packages")
		fs.Var(allowFlag{c}, "allow",
			"comma-separated package paths that may use the raw pool, besides the runtime package; a trailing /... matches a subtree")
	case check.Ownership:
		fs.Var(resourceFlag{c}, "resource", "a user-defined resource, as a JSON object with the schema of the configuration file's resources entries (repeatable)")
	}
}

// checkFlags says which of the common flags a check has.
type checkFlags struct {
	strict, debug bool
	debugUsage    string
}

func flagsOf(id check.ID) checkFlags {
	switch {
	case id.Props().Leak, id == check.DeferLoop:
		return checkFlags{strict: true, debug: true, debugUsage: "also report acquisitions that are not tracked, and why (ownership unclear)"}
	case id == check.NestedAcquire:
		return checkFlags{debug: true, debugUsage: "also report calls on a pool of the held connection's type that cannot be shown to be the same pool, which are not reported"}
	case id == check.ScopeEscape:
		return checkFlags{debug: true, debugUsage: "also report the helper calls whose callback is not checked, and print the stack of an internal error"}
	}
	return checkFlags{}
}
