// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package nogo

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// A listedPackage is a package as go list -deps -export describes it.
type listedPackage struct {
	ImportPath string // with -test, " [p.test]" follows the path of a test variant
	Name       string
	ForTest    string // the package whose test a variant belongs to
	Dir        string
	GoFiles    []string
	CgoFiles   []string
	Imports    []string          // resolved import paths
	ImportMap  map[string]string // import path in the source -> resolved
	Export     string            // the export data file the compiler wrote
	Standard   bool
	DepOnly    bool // not matched by the patterns, only a dependency
	Module     *struct {
		Path, Version, Dir string
		Main               bool
	}
	Error *struct{ Err string }
}

// path returns the package path of p: its import path, without the
// test variant's suffix.
func (p *listedPackage) path() string {
	path, _, _ := strings.Cut(p.ImportPath, " [")
	return path
}

// isTestMain reports whether p is the main package that go test
// generates, which has no source of the user's.
func (p *listedPackage) isTestMain() bool {
	return p.Name == "main" && p.ForTest == "" && strings.HasSuffix(p.ImportPath, ".test")
}

// listFields are the fields of listedPackage, for go list -json=.
const listFields = "ImportPath,Name,ForTest,Dir,GoFiles,CgoFiles,Imports,ImportMap,Export,Standard,DepOnly,Module,Error"

// A Run is the outcome of running nogo on a build.
type Run struct {
	// Findings are the diagnostics of the packages that the patterns
	// match and of their tests, sorted, each once (Bazel reports a
	// package's findings in its go_library and again in its go_test).
	Findings []Finding
	// Actions counts the nogo actions run: with diagnostics (the
	// packages of the patterns) and for facts only (their dependencies
	// outside the standard library).
	Actions, FactsOnly int
}

// Run runs nogo on the packages that patterns match in the module at
// dir, on their tests (the package with its _test.go files, and the
// external test package, as a go_test target compiles them) and on all
// their dependencies outside the standard library, one RunNogo action
// each, dependencies first, under work; each action reads its direct
// dependencies' facts files, written by the actions before it. The
// dependencies are analyzed for facts only, as Bazel does for packages
// outside the scope of go_sdk.nogo.
func (t *Tools) Run(ctx context.Context, work, dir string, patterns ...string) (*Run, error) {
	return t.run(ctx, work, dir, true, patterns)
}

// run is Run; without facts, no action gets its dependencies' facts
// files, which shows what the findings owe to them.
func (t *Tools) run(ctx context.Context, work, dir string, facts bool, patterns []string) (*Run, error) {
	pkgs, err := list(ctx, dir, patterns)
	if err != nil {
		return nil, err
	}
	sdk, err := newSDK(ctx, filepath.Join(work, "sdk"), pkgs)
	if err != nil {
		return nil, err
	}
	byPath := make(map[string]*listedPackage, len(pkgs))
	for _, p := range pkgs {
		byPath[p.ImportPath] = p
	}
	r := &Run{}
	outputs := make(map[string]string) // import path (of a variant) -> its facts file
	for i, p := range pkgs {
		if p.Standard || p.isTestMain() {
			continue
		}
		if len(p.CgoFiles) > 0 {
			return nil, fmt.Errorf("%s: cgo is not supported", p.ImportPath)
		}
		a := &action{
			tools:    t,
			sdk:      sdk,
			pkg:      p,
			deps:     byPath,
			execRoot: filepath.Join(work, "actions", fmt.Sprint(i)),
			facts:    outputs,
			noFacts:  !facts,
		}
		findings, err := a.run(ctx, filepath.Join(work, "out", fmt.Sprint(i)+".facts"))
		if err != nil {
			return nil, err
		}
		r.Actions++
		if p.DepOnly {
			r.FactsOnly++
		}
		r.Findings = append(r.Findings, findings...)
	}
	sortFindings(r.Findings)
	r.Findings = slices.Compact(r.Findings)
	return r, nil
}

// list lists the packages that patterns match in the module at dir and
// their dependencies, dependencies first, with their export data.
func list(ctx context.Context, dir string, patterns []string) ([]*listedPackage, error) {
	out, err := goCommand(ctx, dir, nil, append([]string{"list", "-deps", "-test", "-export", "-json=" + listFields}, patterns...)...)
	if err != nil {
		return nil, err
	}
	var pkgs []*listedPackage
	for dec := json.NewDecoder(bytes.NewReader(out)); ; {
		p := new(listedPackage)
		if err := dec.Decode(p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, err
		}
		if p.Error != nil {
			return nil, fmt.Errorf("%s: %s", p.ImportPath, p.Error.Err)
		}
		if p.Export == "" && p.ImportPath != "unsafe" && !p.isTestMain() {
			return nil, fmt.Errorf("%s: go list gave no export data", p.ImportPath)
		}
		if !p.Standard && p.Module == nil {
			return nil, fmt.Errorf("%s: not in a module", p.ImportPath)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

// An sdk is what Bazel's Go toolchain gives every action: the SDK, the
// list of the standard library's packages, and the standard library
// compiled into a GOROOT-like tree (rules_go's stdlib action).
type sdk struct {
	root        string // the Go SDK (the go command's GOROOT)
	goroot      string // the compiled standard library: pkg/GOOS_GOARCH/PATH.a
	packageList string
	goVersion   string // without "go", as rules_go passes it
	env         []string
}

// newSDK lays out the standard library's export data in dir, for the
// standard packages among pkgs.
func newSDK(ctx context.Context, dir string, pkgs []*listedPackage) (*sdk, error) {
	out, err := goCommand(ctx, "", nil, "env", "-json", "GOROOT", "GOOS", "GOARCH", "GOVERSION", "CGO_ENABLED")
	if err != nil {
		return nil, err
	}
	var env struct{ GOROOT, GOOS, GOARCH, GOVERSION, CGO_ENABLED string }
	if err := json.Unmarshal(out, &env); err != nil {
		return nil, err
	}
	s := &sdk{
		root:        env.GOROOT,
		goroot:      filepath.Join(dir, "goroot"),
		packageList: filepath.Join(dir, "packages.txt"),
		goVersion:   strings.TrimPrefix(env.GOVERSION, "go"),
		// nogo sizes types for GOARCH; the builder filters files
		// by the build context these describe.
		env: []string{"GOOS=" + env.GOOS, "GOARCH=" + env.GOARCH, "CGO_ENABLED=" + env.CGO_ENABLED},
	}
	std, err := goCommand(ctx, "", nil, "list", "std")
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	if err := os.WriteFile(s.packageList, std, 0o666); err != nil {
		return nil, err
	}
	lib := filepath.Join(s.goroot, "pkg", s.installSuffix())
	for _, p := range pkgs {
		if !p.Standard || p.Export == "" {
			continue
		}
		if err := link(p.Export, filepath.Join(lib, filepath.FromSlash(p.ImportPath)+".a")); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// installSuffix is rules_go's name for the compiled standard library's
// directory: GOOS_GOARCH, in the default mode.
func (s *sdk) installSuffix() string {
	var goos, goarch string
	for _, kv := range s.env {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "GOOS":
			goos = v
		case "GOARCH":
			goarch = v
		}
	}
	return goos + "_" + goarch
}

// link makes a symbolic link at to pointing at from, creating the
// directories it needs.
func link(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o777); err != nil {
		return err
	}
	return os.Symlink(from, to)
}
