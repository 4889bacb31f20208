// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// options are the standalone command's own flags.
type options struct {
	format         string // text, json, sarif or github
	json           bool   // -json: alias of -format=json
	context        int    // -c: lines of context in text output; -1 none
	fix, diff      bool
	baseline       string
	updateBaseline bool
	config         string
	tests          bool
	cpuprofile     string
	memprofile     string
	verbose        bool
	version        bool

	cache string // -cache: on or off (the result cache, cache.go)
}

// A commandLine is the standalone command's flag set: its own flags,
// one enable flag per check (-CHECK, -CHECK=false) and every flag of
// every analyzer as -ANALYZER.FLAG.
type commandLine struct {
	fs      *flag.FlagSet
	opts    options
	enabled map[*analysis.Analyzer]*triState
}

// newCommandLine returns the flag set for suite. With discard, the
// analyzers' flags are registered with values that go nowhere, for the
// first pass that only looks for -config (see [parseCommandLine]).
func newCommandLine(suite []*analysis.Analyzer, out io.Writer, discard bool) *commandLine {
	cl := &commandLine{
		fs:      flag.NewFlagSet(progname, flag.ContinueOnError),
		enabled: make(map[*analysis.Analyzer]*triState),
	}
	fs := cl.fs
	fs.SetOutput(out)
	o := &cl.opts
	fs.StringVar(&o.format, "format", "text", "output `format`: text (stderr), json, sarif or github (stdout)")
	fs.BoolVar(&o.json, "json", false, "emit JSON output (same as -format=json)")
	fs.IntVar(&o.context, "c", -1, "with text output, display the offending line with this many lines of context")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes")
	fs.BoolVar(&o.diff, "diff", false, "print the suggested fixes as a unified diff instead of applying them")
	fs.StringVar(&o.baseline, "baseline", "", "report only the findings that the baseline `file` does not list")
	fs.BoolVar(&o.updateBaseline, "update-baseline", false, "with -baseline, write every current finding to the baseline file")
	fs.StringVar(&o.config, "config", "", "configuration `file` (YAML); default: the first .dbleaklint.yml in the working directory or a parent; none: no file")
	fs.BoolVar(&o.tests, "test", true, "also analyze test files")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile to `file`")
	fs.StringVar(&o.memprofile, "memprofile", "", "write a memory profile to `file`")
	fs.BoolVar(&o.verbose, "v", false, "print what is loaded and analyzed, with timings, on stderr")
	fs.BoolVar(&o.version, "version", false, "print the version of dbleaklint and of Go it was built with, and exit")

	fs.StringVar(&o.cache, "cache", "on", "result cache: on, or off to analyze everything again (location: $"+cacheEnv+", default dbleaklint under the user cache directory)")

	seen := make(map[*analysis.Analyzer]bool)
	var register func(a *analysis.Analyzer)
	register = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		a.Flags.VisitAll(func(f *flag.Flag) {
			v := f.Value
			if discard {
				v = discardValue{isBool: isBool(f.Value)}
			}
			fs.Var(v, a.Name+"."+f.Name, f.Usage)
		})
		for _, req := range a.Requires {
			register(req)
		}
	}
	for _, a := range suite {
		ts := new(triState)
		cl.enabled[a] = ts
		fs.Var(ts, a.Name, fmt.Sprintf("enable the %s check (-%[1]s=false: disable it)", a.Name))
		register(a)
	}
	return cl
}

// selected returns the checks to run: with any -CHECK flag true, those;
// otherwise base minus the -CHECK=false ones. A check that base lacks
// (the configuration disables it) runs when its flag names it.
func (cl *commandLine) selected(suite, base []*analysis.Analyzer) []*analysis.Analyzer {
	var keep []*analysis.Analyzer
	anyTrue := false
	for _, a := range suite {
		anyTrue = anyTrue || *cl.enabled[a] == setTrue
	}
	for _, a := range suite {
		switch ts := *cl.enabled[a]; {
		case anyTrue && ts == setTrue,
			!anyTrue && ts != setFalse && slices.Contains(base, a):
			keep = append(keep, a)
		}
	}
	return keep
}

func isBool(v flag.Value) bool {
	b, ok := v.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// discardValue accepts any value; see newCommandLine.
type discardValue struct{ isBool bool }

func (d discardValue) String() string   { return "" }
func (d discardValue) Set(string) error { return nil }
func (d discardValue) IsBoolFlag() bool { return d.isBool }

// A triState is a boolean flag that knows whether it was set.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }

func (ts *triState) String() string {
	switch *ts {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}

func (ts *triState) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	if b {
		*ts = setTrue
	} else {
		*ts = setFalse
	}
	return nil
}
