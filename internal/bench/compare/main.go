// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Command compare is the body of scripts/bench.sh (make bench): it
// measures dbleaklint on real modules at pinned versions against its
// peers in the same run and prints Markdown tables of CPU time and peak
// memory, as ratios with the absolute numbers beside them.
//
// It sets the stage first, in the scratch directory (-work, kept between
// runs): it builds dbleaklint, the baseline (internal/bench/baseline, a
// multichecker that only builds SSA) and the stopwatch
// (internal/bench/measure) from this checkout, installs sqlclosecheck
// from the module proxy (it is no dependency of this module), and copies
// each module from the module cache. It prints what the numbers depend
// on (date, cores, memory, load average, versions), then the tables.
//
// Every run is timed by the measure command (CPU time of the process
// and its children, peak resident memory of the largest process). Per
// module, in this order:
//
//   - warm: the go build cache holds the module's compiled packages
//     (go build, then go list -export -test -deps, as a developer's own
//     build and tests would leave it): the baseline, sqlclosecheck, and
//     dbleaklint with an empty result cache;
//   - repeated: dbleaklint again, nothing changed (its result cache
//     replays every package); go vet -vettool=dbleaklint after one such
//     run (the go command replays its cached runs); and the floor, go
//     list -export -test -deps, what the go command alone costs;
//   - edited: dbleaklint after a comment is appended to one file of the
//     module: that package and its importers are analyzed again;
//   - cold (unless -cold=false): the baseline, sqlclosecheck and
//     dbleaklint, each with an empty build cache of its own (and
//     dbleaklint with an empty result cache);
//   - golangci-lint, when -golangci is given: a custom golangci-lint
//     holding the dbleaklint plugin (scripts/custom-gcl.sh builds it),
//     with only dbleaklint or only its built-in sqlclosecheck enabled,
//     with an empty golangci-lint cache and then again with that cache
//     filled. -only-golangci measures nothing else.
//
// Run it from this module's checkout. Without arguments it measures the
// modules of defaultModules.
//
// Usage:
//
//	compare [-work=DIR] [-golangci=BIN] [-cold=false] [-only-golangci] [module@version...]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/internal/load"
	"github.com/dbleaklint/dbleaklint/passes/ownership"
)

// defaultModules are measured when no module is given: from the corpus
// (scripts/corpus.sh), applications and libraries of different sizes,
// on pgx and on database/sql.
var defaultModules = []string{
	"miniflux.app/v2@v2.3.5",
	"github.com/vgarvardt/gue/v5@v5.8.0",
	"github.com/riverqueue/river/riverdriver/riverpgxv5@v0.51.2",
	"github.com/pressly/goose/v3@v3.29.0",
	"github.com/jackc/tern/v2@v2.3.4",
}

const usage = "usage: compare [-work=DIR] [-golangci=BIN] [-cold=false] [-only-golangci] [module@version...]"

func main() {
	var b bench
	flag.StringVar(&b.work, "work", filepath.Join(os.TempDir(), "dbleaklint-bench"), "the scratch directory: tools, module copies, caches")
	flag.StringVar(&b.golangci, "golangci", "", "a custom golangci-lint holding the dbleaklint plugin (scripts/custom-gcl.sh); golangci-lint is measured only when given")
	cold := flag.Bool("cold", true, "measure with empty build caches too")
	flag.BoolVar(&b.onlyGolangci, "only-golangci", false, "measure golangci-lint only")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, usage)
		flag.PrintDefaults()
	}
	flag.Parse()
	if b.onlyGolangci && b.golangci == "" {
		fmt.Fprintln(os.Stderr, "compare: -only-golangci needs -golangci")
		os.Exit(2)
	}
	modules := flag.Args()
	if len(modules) == 0 {
		modules = defaultModules
	}
	for _, m := range modules {
		if !strings.Contains(m, "@") {
			fmt.Fprintf(os.Stderr, "compare: %q is not module@version\n%s\n", m, usage)
			os.Exit(2)
		}
	}
	if err := b.setUp(); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}

	var rows []*row
	failed := false
	fmt.Println(b.describe())
	for _, m := range modules {
		r, err := b.fetchAndMeasure(m, *cold)
		if err != nil {
			// The other modules' rows are still worth printing.
			fmt.Fprintf(os.Stderr, "compare: %s: %v\n", m, err)
			failed = true
			continue
		}
		rows = append(rows, r)
	}
	if len(rows) > 0 {
		printTables(os.Stdout, rows, *cold && !b.onlyGolangci, b.golangci != "", !b.onlyGolangci)
		fmt.Println("\ncpu = user+system time of the process and its children (go list, the compiler); rss = peak resident set of the largest process, MiB.")
	}
	if failed {
		os.Exit(1)
	}
}

// fetchAndMeasure copies module@version into the scratch directory and
// measures it.
func (b *bench) fetchAndMeasure(module string, cold bool) (*row, error) {
	dir, err := b.fetch(module)
	if err != nil {
		return nil, err
	}
	return b.module(module, dir, cold)
}

// A sample is one measured run.
type sample struct {
	cpu    float64 // seconds, user + system, children included
	rss    int     // MiB, largest process
	status int
}

// A row holds the samples of one module.
type row struct {
	name string
	pkgs int

	baseline, sqlclosecheck, dbleaklint sample // warm build cache
	repeated, edited, vet, floor        sample
	edits                               int // packages analyzed again after the edit

	coldBaseline, coldSqlclosecheck, coldDbleaklint sample

	gclDbleaklint, gclSqlclosecheck             sample // empty golangci-lint cache
	gclDbleaklintCached, gclSqlclosecheckCached sample
}

// A bench holds the commands under measure, built or installed by
// setUp, and the scratch directory.
type bench struct {
	measure, dbleaklint, baseline, sqlclosecheck, golangci string
	work                                                   string
	onlyGolangci                                           bool
}

// run measures one run of args in dir with env added to the
// environment.
func (b *bench) run(dir string, env []string, args ...string) (sample, error) {
	cmd := exec.Command(b.measure, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return sample{}, fmt.Errorf("%s: %v", strings.Join(args, " "), err)
	}
	var s sample
	var wall float64
	if _, err := fmt.Sscanf(string(out), "wall=%g cpu=%g rss=%d status=%d", &wall, &s.cpu, &s.rss, &s.status); err != nil {
		return sample{}, fmt.Errorf("%s: measure printed %q: %v", strings.Join(args, " "), out, err)
	}
	return s, nil
}

// quiet runs a command whose cost is not measured.
func quiet(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// fresh returns an empty directory of the scratch area.
func (b *bench) fresh(name string) (string, error) {
	dir := filepath.Join(b.work, name)
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	return dir, os.MkdirAll(dir, 0o777)
}

func (b *bench) module(name, dir string, cold bool) (*row, error) {
	r := &row{name: name}
	logf := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "== %s: %s (%s)\n", name, fmt.Sprintf(format, args...), time.Now().Format("15:04:05"))
	}
	key := strings.NewReplacer("/", "_", "@", "_").Replace(name)
	env := []string{"GOFLAGS=-mod=mod", "GOWORK=off"}

	logf("warming the build cache")
	quiet(dir, env, "go", "build", "./...")
	quiet(dir, env, "go", "list", "-e", "-export", "-test", "-deps", "./...")
	list, err := quiet(dir, env, "go", "list", "./...")
	if err != nil {
		return nil, fmt.Errorf("go list: %v\n%s", err, list)
	}
	r.pkgs = strings.Count(list, "\n")
	if b.onlyGolangci {
		return r, b.golangciRuns(r, dir, env, key, logf)
	}

	resultCache, err := b.fresh("result-" + key)
	if err != nil {
		return nil, err
	}
	withResults := append(env, "DBLEAKLINT_CACHE="+resultCache)
	steps := []struct {
		what string
		s    *sample
		env  []string
		args []string
	}{
		{"baseline", &r.baseline, env, []string{b.baseline, "./..."}},
		{"sqlclosecheck", &r.sqlclosecheck, env, []string{b.sqlclosecheck, "./..."}},
		{"dbleaklint, first run", &r.dbleaklint, withResults, []string{b.dbleaklint, "./..."}},
		{"dbleaklint, repeated", &r.repeated, withResults, []string{b.dbleaklint, "./..."}},
	}
	for _, st := range steps {
		logf("%s", st.what)
		if *st.s, err = b.run(dir, st.env, st.args...); err != nil {
			return nil, err
		}
	}

	logf("go vet -vettool, repeated")
	vet := []string{"go", "vet", "-vettool=" + b.dbleaklint, "./..."}
	quiet(dir, env, vet...)
	if r.vet, err = b.run(dir, env, vet...); err != nil {
		return nil, err
	}
	logf("floor")
	if r.floor, err = b.run(dir, env, "go", "list", "-e", "-export", "-test", "-deps", "./..."); err != nil {
		return nil, err
	}

	logf("dbleaklint after an edit")
	if err := b.edited(r, dir, withResults); err != nil {
		return nil, err
	}

	if cold {
		colds := []struct {
			what string
			s    *sample
			bin  string
		}{
			{"baseline", &r.coldBaseline, b.baseline},
			{"sqlclosecheck", &r.coldSqlclosecheck, b.sqlclosecheck},
			{"dbleaklint", &r.coldDbleaklint, b.dbleaklint},
		}
		for _, c := range colds {
			logf("%s, empty build cache", c.what)
			gocache, err := b.fresh("gocache-" + key)
			if err != nil {
				return nil, err
			}
			results, err := b.fresh("result-cold-" + key)
			if err != nil {
				return nil, err
			}
			if *c.s, err = b.run(dir, append(env, "GOCACHE="+gocache, "DBLEAKLINT_CACHE="+results), c.bin, "./..."); err != nil {
				return nil, err
			}
			os.RemoveAll(gocache)
		}
	}

	if b.golangci != "" {
		if err := b.golangciRuns(r, dir, env, key, logf); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// edited appends a comment to the first file of the first package that
// dbleaklint analyzes, measures a run, and restores the file.
func (b *bench) edited(r *row, dir string, env []string) error {
	file, err := analyzedFile(dir, env)
	if err != nil {
		return err
	}
	orig, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	defer os.WriteFile(file, orig, 0o666)
	if err := os.WriteFile(file, append(orig, "\n// edited by the benchmark\n"...), 0o666); err != nil {
		return err
	}
	r.edited, err = b.run(dir, env, b.dbleaklint, "./...")
	if err != nil {
		return err
	}
	// How many packages that run analyzed: a run with -v says.
	if err := os.WriteFile(file, append(orig, "\n// edited again by the benchmark\n"...), 0o666); err != nil {
		return err
	}
	v, _ := quiet(dir, env, b.dbleaklint, "-v", "./...")
	var all, hits int
	for line := range strings.Lines(v) {
		if i := strings.Index(line, "listed: "); i >= 0 {
			fmt.Sscanf(line[i:], "listed: %d target packages to analyze, %d of them", &all, &hits)
		}
	}
	r.edits = all - hits
	return nil
}

// analyzedFile returns the first file of the module's first package, in
// dependency order, that dbleaklint analyzes.
func analyzedFile(dir string, env []string) (string, error) {
	pkgs, err := analyzedPackages(dir, env)
	if err != nil {
		return "", err
	}
	for _, p := range pkgs {
		if len(p.GoFiles) > 0 {
			return p.GoFiles[0], nil
		}
	}
	return "", fmt.Errorf("no package of the module can hold a database resource")
}

// analyzedPackages returns, in dependency order, the packages of the
// module in dir that dbleaklint analyzes: those that can hold a
// resource, as the command's loader decides (tests left out), with the
// resources of the configuration file that dbleaklint finds in dir.
func analyzedPackages(dir string, env []string) ([]*packages.Package, error) {
	var specs []ownership.Spec
	if path, ok := analyzer.FindConfigFile(dir); ok {
		cfg, err := analyzer.ReadConfigFile(path)
		if err != nil {
			return nil, err
		}
		specs = cfg.Resources
	}
	roots, err := ownership.ResourceRoots(specs)
	if err != nil {
		return nil, err
	}
	l, err := load.List(context.Background(), load.Config{
		Patterns: []string{"./..."}, Roots: roots, Dir: dir, Env: append(os.Environ(), env...)})
	if err != nil {
		return nil, fmt.Errorf("go list: %v", err)
	}
	root := make(map[*packages.Package]bool)
	for _, p := range l.Roots {
		root[p] = true
	}
	var pkgs []*packages.Package
	packages.Visit(l.Targets, nil, func(p *packages.Package) {
		if root[p] && p.Module != nil && p.Module.Main {
			pkgs = append(pkgs, p)
		}
	})
	return pkgs, nil
}

// golangciRuns measures the custom golangci-lint with one linter at a
// time, with an empty cache of its own and then with that cache filled.
func (b *bench) golangciRuns(r *row, dir string, env []string, key string, logf func(string, ...any)) error {
	configs := map[string]string{
		"dbleaklint": `version: "2"
linters:
  default: none
  enable: [dbleaklint]
  settings:
    custom:
      dbleaklint:
        type: module
        description: database resources released on every path
`,
		"sqlclosecheck": `version: "2"
linters:
  default: none
  enable: [sqlclosecheck]
`,
	}
	for _, linter := range []string{"sqlclosecheck", "dbleaklint"} {
		config := filepath.Join(b.work, linter+".golangci.yml")
		if err := os.WriteFile(config, []byte(configs[linter]), 0o666); err != nil {
			return err
		}
		cache, err := b.fresh("golangci-" + linter + "-" + key)
		if err != nil {
			return err
		}
		genv := append(env, "GOLANGCI_LINT_CACHE="+cache)
		// Other golangci-lint runs on the machine (other checkouts'
		// tests) would make it refuse to start.
		args := []string{b.golangci, "run", "--config=" + config, "--allow-parallel-runners",
			"--show-stats=false", "--max-issues-per-linter=0", "--max-same-issues=0", "./..."}
		empty, cached := &r.gclSqlclosecheck, &r.gclSqlclosecheckCached
		if linter == "dbleaklint" {
			empty, cached = &r.gclDbleaklint, &r.gclDbleaklintCached
		}
		for _, s := range []*sample{empty, cached} {
			what := "empty cache"
			if s == cached {
				what = "cached"
			}
			logf("golangci-lint, %s, %s", linter, what)
			if *s, err = b.run(dir, genv, args...); err != nil {
				return err
			}
			// 0: no issues, 1: issues; anything else is a failure,
			// whose cost means nothing.
			if s.status > 1 {
				out, _ := quiet(dir, genv, args[1:]...)
				return fmt.Errorf("golangci-lint %s exited with status %d:\n%s", linter, s.status, out)
			}
		}
	}
	return nil
}
