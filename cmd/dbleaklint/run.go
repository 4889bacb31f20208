// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/internal/load"
	"github.com/dbleaklint/dbleaklint/passes/ownership"
)

// A command is one run of the standalone command.
type command struct {
	stdout, stderr io.Writer
	opts           options
	start          time.Time
	// config is the configuration file read, if any, to locate the
	// errors about it found in analysis.
	config *analyzer.Config
	// settings are the flags and configuration that decide the
	// findings, for the result cache's keys.
	settings string
}

func (c *command) errorf(format string, args ...any) {
	fmt.Fprintf(c.stderr, progname+": "+format+"\n", args...)
}

// logf prints progress with -v.
func (c *command) logf(format string, args ...any) {
	if c.opts.verbose {
		fmt.Fprintf(c.stderr, "%s: %.3fs: %s\n", progname, time.Since(c.start).Seconds(), fmt.Sprintf(format, args...))
	}
}

// A finding is a diagnostic of a root package, with the check that
// reported it.
type finding struct {
	check *analysis.Analyzer
	pkg   *packages.Package
	diag  analysis.Diagnostic
}

// runStandalone runs the command on its own and returns the exit status.
func runStandalone(args []string, stdout, stderr io.Writer) int {
	c := &command{stdout: stdout, stderr: stderr, start: time.Now()}
	suite := analyzer.Suite

	// The configuration file comes first, so that the command line
	// overrides it: a first pass over the command line only looks for
	// -config, with the analyzers' flags going nowhere.
	first := newCommandLine(suite, io.Discard, true)
	if err := first.fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		// -h, -help, --help: the usage that "dbleaklint help" prints.
		printHelp(stdout, newCommandLine(suite, io.Discard, false), suite, nil)
		return exitOK
	} else if err != nil {
		// Parse again to print the error the usual way.
		cl := newCommandLine(suite, stderr, false)
		cl.fs.Usage = func() { fmt.Fprintf(stderr, "Run '%s -help' for usage.\n", progname) }
		cl.fs.Parse(args)
		return exitUsage
	}
	if first.opts.version {
		printVersion(stdout)
		return exitOK
	}
	configPath := first.opts.config
	if configPath == "" {
		if wd, err := os.Getwd(); err == nil {
			configPath, _ = analyzer.FindConfigFile(wd)
		}
	}
	cfg, err := readConfig(configPath)
	if err != nil {
		c.errorf("%v", err)
		return exitUsage
	}
	c.config = cfg
	base, err := analyzer.Analyzers(cfg)
	if err != nil {
		c.errorf("%v", err)
		return exitUsage
	}
	cl := newCommandLine(suite, stderr, false)
	cl.fs.Usage = func() { fmt.Fprintf(stderr, "Run '%s -help' for usage.\n", progname) }
	if err := cl.fs.Parse(args); err != nil {
		return exitUsage // the first pass let it through: cannot happen
	}
	c.opts = cl.opts
	c.settings = analysisSettings(cl.fs, configPath)
	rest := cl.fs.Args()
	if len(rest) > 0 && rest[0] == "help" {
		if err := printHelp(stdout, cl, suite, rest[1:]); err != nil {
			c.errorf("%v", err)
			return exitUsage
		}
		return exitOK
	}
	if err := c.checkOptions(); err != nil {
		c.errorf("%v", err)
		return exitUsage
	}
	analyzers := cl.selected(suite, base)
	if len(rest) == 0 {
		rest = []string{"./..."}
	}
	stop, err := c.startProfiles()
	if err != nil {
		c.errorf("%v", err)
		return exitUsage
	}
	defer stop()
	return c.analyze(analyzers, rest)
}

// checkOptions checks the combinations of flags.
func (c *command) checkOptions() error {
	o := &c.opts
	if o.json {
		if o.format != "text" && o.format != "json" {
			return fmt.Errorf("-json and -format=%s disagree", o.format)
		}
		o.format = "json"
	}
	switch o.format {
	case "text", "json", "sarif", "github":
	default:
		return fmt.Errorf("unknown -format %q; want text, json, sarif or github", o.format)
	}
	if o.updateBaseline && o.baseline == "" {
		return errors.New("-update-baseline needs -baseline=FILE")
	}
	if (o.fix || o.diff) && (o.format != "text" || o.baseline != "") {
		return errors.New("-fix and -diff go with the text output and without -baseline")
	}
	if o.cache != "on" && o.cache != "off" {
		return fmt.Errorf("unknown -cache %q; want on or off", o.cache)
	}
	return nil
}

// analyze loads the packages of patterns, runs the analyzers and
// reports, and returns the exit status.
func (c *command) analyze(analyzers []*analysis.Analyzer, patterns []string) int {
	ctx := context.Background()
	// The configuration is applied: the model holds the user's resources.
	roots, err := ownership.ResourceRoots(ownership.Specs())
	if err != nil {
		c.errorf("%v", err) // cannot happen: Analyzers checked them
		return exitUsage
	}
	cfg := load.Config{Patterns: patterns, Tests: c.opts.tests, Roots: roots}
	rc := c.openResultCache(analyzers)
	var l *load.Listing
	if rc != nil {
		var cached bool
		l, cached, err = load.ListCached(ctx, cfg, rc.store)
		c.logf("listed (from the cache: %t)", cached)
	} else {
		l, err = load.List(ctx, cfg)
	}
	if err != nil {
		c.errorf("%v", oneLine(err.Error()))
		return exitErrors
	}
	if l.Named {
		rc = nil // files named on the command line: no package to key
	}
	targets, replayed := l.Roots, []finding(nil)
	if rc != nil {
		replayed, targets = rc.lookup(l, analyzers)
		c.logf("listed: %d target packages to analyze, %d of them in the result cache (%s)", len(l.Roots), len(l.Roots)-len(targets), rc.store.Dir())
	}
	prog, err := l.Load(ctx, targets)
	if err != nil {
		c.errorf("%v", oneLine(err.Error()))
		return exitErrors
	}
	c.logf("loaded: %d target packages to analyze, %d packages type-checked from source, %d from declarations, %d read from export data",
		len(prog.Roots), prog.Sourced, prog.Declared, prog.Exported)
	status := exitOK
	for _, e := range prog.Errs {
		fmt.Fprintln(c.stderr, e)
		status = exitErrors
	}

	var graph *checker.Graph
	if len(prog.Roots) > 0 && len(analyzers) > 0 {
		graph, err = checker.Analyze(analyzers, prog.Roots, nil)
		if err != nil {
			c.errorf("%v", oneLine(err.Error()))
			return exitErrors
		}
	}
	c.logf("analyzed")
	findings, actErrs, configErr := collect(graph)
	if configErr != nil {
		c.errorf("%s", c.config.LocateError(oneLine(configErr.Error())))
		return exitUsage
	}
	if c.opts.format != "json" {
		for _, e := range actErrs {
			c.errorf("%s", e)
			status = exitErrors
		}
	}
	if rc != nil {
		if n, err := rc.save(graph); err != nil {
			c.logf("result cache: %v", err) // the findings are right; only the next run pays
		} else {
			c.logf("stored the results of %d packages", n)
		}
		if graph == nil && len(l.Roots) > 0 && len(analyzers) > 0 {
			graph = rootsGraph(analyzers)
		}
		findings = sortFindings(append(findings, replayed...))
	}

	var out int
	switch {
	case c.opts.fix || c.opts.diff:
		out = c.applyFixes(findings)
	default:
		out = c.report(graph, findings, prog.Fset)
	}
	c.logf("done")
	return worse(status, out)
}

// worse returns the exit status that wins of a and b: a usage error,
// then an error (the findings of a run that failed in part may be
// incomplete), then findings, then success.
func worse(a, b int) int {
	rank := func(code int) int {
		switch code {
		case exitUsage:
			return 3
		case exitErrors:
			return 2
		case exitFindings:
			return 1
		}
		return 0
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// collect returns the findings of the root actions of graph, without
// duplicates, in a stable order; the analysis errors as lines; and the
// first configuration error (an analysis error whose text starts with
// "config: "). The checks' "analysis skipped" errors on packages that do
// not type-check are left out: the type errors were printed.
func collect(graph *checker.Graph) ([]finding, []string, error) {
	if graph == nil {
		return nil, nil, nil
	}
	var findings []finding
	var errs []string
	var configErr error
	errSeen := make(map[string]bool)
	for act := range graph.All() {
		if act.Err != nil {
			if strings.HasPrefix(act.Err.Error(), "config: ") {
				if configErr == nil {
					configErr = act.Err
				}
				continue
			}
			if act.Package.IllTyped {
				continue
			}
			line := fmt.Sprintf("%s: %s: %s", act.Package.ID, act.Analyzer.Name, oneLine(act.Err.Error()))
			if !strings.Contains(line, "failed prerequisites") && !errSeen[line] {
				errSeen[line] = true
				errs = append(errs, line)
			}
			continue
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			findings = append(findings, finding{act.Analyzer, act.Package, d})
		}
	}
	return sortFindings(findings), errs, configErr
}

// sortFindings sorts findings by position and check, without duplicates
// (a file of both a package and its test variant).
func sortFindings(findings []finding) []finding {
	type key struct {
		pos, end token.Position
		check    *analysis.Analyzer
		msg      string
	}
	seen := make(map[key]bool)
	findings = slices.DeleteFunc(findings, func(f finding) bool {
		fset := f.pkg.Fset
		k := key{fset.Position(f.diag.Pos), fset.Position(f.diag.End), f.check, f.diag.Message}
		if seen[k] {
			return true
		}
		seen[k] = true
		return false
	})
	sort.SliceStable(findings, func(i, j int) bool {
		a, b := findings[i], findings[j]
		pa, pb := a.pkg.Fset.Position(a.diag.Pos), b.pkg.Fset.Position(b.diag.Pos)
		if pa.Filename != pb.Filename {
			return pa.Filename < pb.Filename
		}
		if pa.Offset != pb.Offset {
			return pa.Offset < pb.Offset
		}
		return a.check.Name < b.check.Name
	})
	return findings
}

func oneLine(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), "\n", "; ")
}

// startProfiles starts the profiles that -cpuprofile and -memprofile
// ask for and returns the function that writes them.
func (c *command) startProfiles() (func(), error) {
	var stops []func()
	if c.opts.cpuprofile != "" {
		f, err := os.Create(c.opts.cpuprofile)
		if err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
		stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
	}
	if c.opts.memprofile != "" {
		path := c.opts.memprofile
		stops = append(stops, func() {
			f, err := os.Create(path)
			if err != nil {
				c.errorf("%v", err)
				return
			}
			defer f.Close()
			runtime.GC()
			if err := pprof.WriteHeapProfile(f); err != nil {
				c.errorf("%v", err)
			}
		})
	}
	return func() {
		for _, stop := range stops {
			stop()
		}
	}, nil
}
