// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package nogo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
)

// Paths in an action's execution root, after Bazel's layout: sources at
// their place in the workspace (external/... for other modules), outputs
// under bazel-out.
const (
	binDir      = "bazel-out/k8-fastbuild/bin"
	sdkDir      = "external/go_sdk"
	stdlibDir   = binDir + "/stdlib_"
	packageList = binDir + "/packages.txt"
	nogoTool    = "bazel-out/k8-opt-exec/bin/nogo"
)

// An action is Bazel's RunNogo action on one package.
type action struct {
	tools    *Tools
	sdk      *sdk
	pkg      *listedPackage
	deps     map[string]*listedPackage // by go list's import path (a test variant's has a suffix)
	execRoot string                    // the action's sandbox, created by run
	facts    map[string]string         // import path -> facts file, of the actions run so far
	noFacts  bool                      // give the action no facts file
}

// Where the action writes, in its execution root.
func (a *action) factsOut() string { return path.Join(binDir, a.pkg.path()+".facts") }
func (a *action) logDir() string   { return path.Join(binDir, a.pkg.path()+"_nogo") }

// run lays out the action's inputs in its execution root, runs "builder
// nogo" there, moves the facts file it writes to keep and records it in
// a.facts, and returns the findings of its nogo.log.
func (a *action) run(ctx context.Context, keep string) ([]Finding, error) {
	inputs, args, err := a.command()
	if err != nil {
		return nil, err
	}
	if err := a.layOut(inputs, a.logDir()); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, a.tools.Builder, args...)
	cmd.Dir = a.execRoot
	cmd.Env = append([]string{"PATH=/usr/bin:/bin", "TMPDIR=" + filepath.Join(a.execRoot, "tmp")}, a.sdk.env...)
	if _, err := run(ctx, cmd); err != nil {
		return nil, fmt.Errorf("nogo on %s: %v", a.pkg.ImportPath, err)
	}
	return a.outputs(keep)
}

// command returns the action's inputs (execution-root path -> file) and
// the builder's arguments, those of rules_go's _run_nogo.
func (a *action) command() (map[string]string, []string, error) {
	p := a.pkg
	inputs := map[string]string{
		sdkDir:      a.sdk.root,
		stdlibDir:   a.sdk.goroot,
		packageList: a.sdk.packageList,
		nogoTool:    a.tools.Nogo,
	}
	args := []string{"nogo",
		"-sdk", sdkDir, "-goroot", stdlibDir, "-installsuffix", a.sdk.installSuffix(),
		"-importpath", p.path(), "-p", p.path(), "-package_list", packageList,
		"-out_facts", a.factsOut(), "-out", a.logDir(), "-go_version", a.sdk.goVersion, "-nogo", nogoTool,
	}
	if p.DepOnly {
		args = append(args, "-facts_only")
	}
	srcDir := sourceDir(p)
	for _, f := range p.GoFiles {
		rel := path.Join(srcDir, f)
		inputs[rel] = filepath.Join(p.Dir, f)
		args = append(args, "-src", rel)
	}
	// The direct dependencies: export data and facts, given as
	// importpath=importmap=file, where the import path is the one the
	// source spells. imp names a test variant as go list does (a
	// package recompiled for a test), depPath is its package path.
	for _, imp := range p.Imports {
		dep := a.deps[imp]
		if dep == nil {
			return nil, nil, fmt.Errorf("%s: dependency %s not listed", p.ImportPath, imp)
		}
		if dep.Standard {
			continue
		}
		depPath := dep.path()
		spelled := sourceImportPath(p, imp, depPath)
		export := path.Join(binDir, depPath+".x")
		inputs[export] = dep.Export
		args = append(args, "-arc", spelled+"="+depPath+"="+export)
		if a.noFacts {
			continue
		}
		facts := a.facts[imp]
		if facts == "" {
			return nil, nil, fmt.Errorf("%s: dependency %s has no facts yet: not in dependency order", p.ImportPath, imp)
		}
		factsIn := path.Join(binDir, depPath+".facts")
		inputs[factsIn] = facts
		args = append(args, "-facts", spelled+"="+depPath+"="+factsIn)
	}
	return inputs, args, nil
}

// outputs moves the facts file that the action wrote to keep, records
// it, and returns the findings of the action's nogo.log, which the
// builder writes when there are some.
func (a *action) outputs(keep string) ([]Finding, error) {
	p := a.pkg
	if err := os.MkdirAll(filepath.Dir(keep), 0o777); err != nil {
		return nil, err
	}
	if err := os.Rename(filepath.Join(a.execRoot, a.factsOut()), keep); err != nil {
		return nil, fmt.Errorf("nogo on %s wrote no facts file: %v", p.ImportPath, err)
	}
	a.facts[p.ImportPath] = keep
	log, err := os.ReadFile(filepath.Join(a.execRoot, a.logDir(), "nogo.log"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if p.DepOnly {
		return nil, fmt.Errorf("nogo on %s: findings in facts-only mode:\n%s", p.ImportPath, log)
	}
	return parseLog(log)
}

// layOut creates the execution root with symbolic links to inputs, as
// Bazel's sandbox does, and the directories the outputs go to.
func (a *action) layOut(inputs map[string]string, outDirs ...string) error {
	for rel, file := range inputs {
		if err := link(file, filepath.Join(a.execRoot, filepath.FromSlash(rel))); err != nil {
			return err
		}
	}
	for _, d := range append(outDirs, "tmp") {
		if err := os.MkdirAll(filepath.Join(a.execRoot, filepath.FromSlash(d)), 0o777); err != nil {
			return err
		}
	}
	return nil
}

// sourceDir is the directory of p's sources in an execution root: its
// place in the main module, or under external/ for another module.
func sourceDir(p *listedPackage) string {
	rel, err := filepath.Rel(p.Module.Dir, p.Dir)
	if err != nil {
		rel = p.ImportPath
	}
	rel = filepath.ToSlash(rel)
	if p.Module.Main {
		return rel
	}
	return path.Join("external", p.Module.Path+"@"+p.Module.Version, rel)
}

// sourceImportPath returns the import path that p's source spells for
// the import that go list resolved to imp, the package depPath (they
// differ for vendored packages; imp also names test variants).
func sourceImportPath(p *listedPackage, imp, depPath string) string {
	for spelled, resolved := range p.ImportMap {
		if resolved == imp {
			return spelled
		}
	}
	return depPath
}
