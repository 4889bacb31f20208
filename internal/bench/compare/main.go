// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Command compare is the body of scripts/bench.sh: for each module
// directory it is given, it measures dbleaklint against its peers in the
// same run and prints Markdown tables of CPU time and peak memory, as
// ratios with the absolute numbers beside them.
//
// Every run is timed by the measure command (CPU time of the process
// and its children, peak resident memory of the largest process). Per
// module, in this order:
//
//   - warm: the go build cache holds the module's compiled packages
//     (go build, then go list -export -test -deps, as a developer's own
//     build and tests would leave it): the baseline (a multichecker that
//     only builds SSA), sqlclosecheck, and dbleaklint with an empty result
//     cache;
//   - repeated: dbleaklint again, nothing changed (its result cache
//     replays every package); go vet -vettool=dbleaklint after one such
//     run (the go command replays its cached runs); and the floor, go
//     list -export -test -deps, what the go command alone costs;
//   - edited: dbleaklint after a comment is appended to one file of the
//     module: that package and its importers are analyzed again;
//   - cold: the baseline, sqlclosecheck and dbleaklint, each with an empty
//     build cache of its own (and dbleaklint with an empty result cache);
//   - golangci-lint, when -golangci is given: a custom golangci-lint
//     holding the dbleaklint plugin, with only dbleaklint or only its
//     built-in sqlclosecheck enabled, with an empty golangci-lint cache
//     and then again with that cache filled.
//
// Usage:
//
//	compare -measure=BIN -dbleaklint=BIN -baseline=BIN -sqlclosecheck=BIN [-golangci=BIN] -work=DIR name=dir...
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
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

func main() {
	var b bench
	flag.StringVar(&b.measure, "measure", "", "the measure command")
	flag.StringVar(&b.dbleaklint, "dbleaklint", "", "the dbleaklint command")
	flag.StringVar(&b.baseline, "baseline", "", "the build-SSA-only baseline")
	flag.StringVar(&b.sqlclosecheck, "sqlclosecheck", "", "the sqlclosecheck command")
	flag.StringVar(&b.golangci, "golangci", "", "a custom golangci-lint holding the dbleaklint plugin (optional)")
	flag.StringVar(&b.work, "work", "", "a scratch directory for the caches")
	cold := flag.Bool("cold", true, "measure with empty build caches too")
	flag.BoolVar(&b.onlyGolangci, "only-golangci", false, "measure golangci-lint only")
	flag.Parse()
	if b.measure == "" || b.dbleaklint == "" || b.baseline == "" || b.sqlclosecheck == "" || b.work == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: compare -measure=BIN -dbleaklint=BIN -baseline=BIN -sqlclosecheck=BIN [-golangci=BIN] -work=DIR name=dir...")
		os.Exit(2)
	}
	// The commands run in the modules' directories.
	for _, path := range []*string{&b.measure, &b.dbleaklint, &b.baseline, &b.sqlclosecheck, &b.golangci, &b.work} {
		if *path != "" {
			abs, err := filepath.Abs(*path)
			if err != nil {
				fmt.Fprintln(os.Stderr, "compare:", err)
				os.Exit(1)
			}
			*path = abs
		}
	}
	var rows []*row
	failed := false
	for _, arg := range flag.Args() {
		name, dir, ok := strings.Cut(arg, "=")
		if !ok {
			fmt.Fprintf(os.Stderr, "compare: %q is not name=dir\n", arg)
			os.Exit(2)
		}
		r, err := b.module(name, dir, *cold)
		if err != nil {
			// The other modules' rows are still worth printing.
			fmt.Fprintf(os.Stderr, "compare: %s: %v\n", name, err)
			failed = true
			continue
		}
		rows = append(rows, r)
	}
	printTables(os.Stdout, rows, *cold && !b.onlyGolangci, b.golangci != "", !b.onlyGolangci)
	if failed {
		os.Exit(1)
	}
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

// ratio formats a/b.
func ratio(a, b float64) string {
	if b <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", a/b)
}

func cpuRSS(s sample) string { return fmt.Sprintf("%.2fs %dM", s.cpu, s.rss) }

// printTables prints one table per comparison, a row per module.
func printTables(w io.Writer, rows []*row, cold, golangci, standalone bool) {
	table := func(title, note string, header []string, cells func(r *row) []string) {
		fmt.Fprintf(w, "\n%s\n\n", title)
		fmt.Fprintf(w, "| %s |\n|%s\n", strings.Join(header, " | "), strings.Repeat(" --- |", len(header)))
		for _, r := range rows {
			fmt.Fprintf(w, "| %s |\n", strings.Join(append([]string{r.name}, cells(r)...), " | "))
		}
		if note != "" {
			fmt.Fprintf(w, "\n%s\n", note)
		}
	}
	met := func(ok func(r *row) bool) string {
		n := 0
		for _, r := range rows {
			if ok(r) {
				n++
			}
		}
		return fmt.Sprintf("%d of %d modules", n, len(rows))
	}

	if standalone {
		table("Warm build cache (cpu, peak rss)",
			"Target: dbleaklint <= 0.3x the baseline's CPU: met on "+met(func(r *row) bool { return r.dbleaklint.cpu <= 0.3*r.baseline.cpu })+".",
			[]string{"module", "pkgs", "baseline", "sqlclosecheck", "dbleaklint", "dbleaklint/baseline cpu, rss", "dbleaklint/sqlclosecheck cpu, rss"},
			func(r *row) []string {
				return []string{fmt.Sprint(r.pkgs), cpuRSS(r.baseline), cpuRSS(r.sqlclosecheck), cpuRSS(r.dbleaklint),
					ratio(r.dbleaklint.cpu, r.baseline.cpu) + " " + ratio(float64(r.dbleaklint.rss), float64(r.baseline.rss)),
					ratio(r.dbleaklint.cpu, r.sqlclosecheck.cpu) + " " + ratio(float64(r.dbleaklint.rss), float64(r.sqlclosecheck.rss))}
			})
	}
	if standalone && cold {
		table("Empty build cache (cpu, peak rss; each tool with a build cache of its own)",
			"Target: dbleaklint <= sqlclosecheck in CPU and in memory: met on "+
				met(func(r *row) bool {
					return r.coldDbleaklint.cpu <= r.coldSqlclosecheck.cpu && r.coldDbleaklint.rss <= r.coldSqlclosecheck.rss
				})+".",
			[]string{"module", "baseline", "sqlclosecheck", "dbleaklint", "dbleaklint/sqlclosecheck cpu, rss", "dbleaklint/baseline cpu, rss"},
			func(r *row) []string {
				return []string{cpuRSS(r.coldBaseline), cpuRSS(r.coldSqlclosecheck), cpuRSS(r.coldDbleaklint),
					ratio(r.coldDbleaklint.cpu, r.coldSqlclosecheck.cpu) + " " + ratio(float64(r.coldDbleaklint.rss), float64(r.coldSqlclosecheck.rss)),
					ratio(r.coldDbleaklint.cpu, r.coldBaseline.cpu) + " " + ratio(float64(r.coldDbleaklint.rss), float64(r.coldBaseline.rss))}
			})
	}
	if standalone {
		table("Repeated runs (cpu)",
			"Target: repeated <= 0.1x the first run: met on "+met(func(r *row) bool { return r.repeated.cpu <= 0.1*r.dbleaklint.cpu })+
				". edited: after a comment is appended to one file of a package that dbleaklint analyzes (that package and its importers are analyzed again).",
			[]string{"module", "first run", "repeated", "repeated/first", "edited (pkgs again)", "edited/first", "vet repeated", "vet/baseline", "floor (go list -export)"},
			func(r *row) []string {
				return []string{fmt.Sprintf("%.2fs", r.dbleaklint.cpu), fmt.Sprintf("%.2fs", r.repeated.cpu), ratio(r.repeated.cpu, r.dbleaklint.cpu),
					fmt.Sprintf("%.2fs (%d)", r.edited.cpu, r.edits), ratio(r.edited.cpu, r.dbleaklint.cpu),
					fmt.Sprintf("%.2fs", r.vet.cpu), ratio(r.vet.cpu, r.baseline.cpu), fmt.Sprintf("%.2fs", r.floor.cpu)}
			})
	}
	if golangci {
		table("golangci-lint v2.15.0, one linter enabled (cpu, peak rss)", "",
			[]string{"module", "sqlclosecheck", "dbleaklint", "dbleaklint/sqlclosecheck cpu, rss", "sqlclosecheck, cached", "dbleaklint, cached", "cached: dbleaklint/sqlclosecheck cpu, rss"},
			func(r *row) []string {
				return []string{cpuRSS(r.gclSqlclosecheck), cpuRSS(r.gclDbleaklint),
					ratio(r.gclDbleaklint.cpu, r.gclSqlclosecheck.cpu) + " " + ratio(float64(r.gclDbleaklint.rss), float64(r.gclSqlclosecheck.rss)),
					cpuRSS(r.gclSqlclosecheckCached), cpuRSS(r.gclDbleaklintCached),
					ratio(r.gclDbleaklintCached.cpu, r.gclSqlclosecheckCached.cpu) + " " + ratio(float64(r.gclDbleaklintCached.rss), float64(r.gclSqlclosecheckCached.rss))}
			})
	}
}
