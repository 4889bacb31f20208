// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// tools are the binaries under test.
type tools struct {
	root       string // the module's checkout
	gcl        string // the custom golangci-lint
	dbleaklint string // the plain command
}

// buildTools builds the custom golangci-lint into bin/custom-gcl with
// scripts/custom-gcl.sh and the plain command into bin/dbleaklint, as
// make build does, so that both hold this checkout's code. Each build
// does nothing when its binary is up to date (a build into a new
// directory would link the command again: 0.6 s of CPU).
func buildTools(t *testing.T) tools {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	ts := tools{
		root:       root,
		gcl:        filepath.Join(root, "bin", "custom-gcl"),
		dbleaklint: filepath.Join(root, "bin", "dbleaklint"),
	}
	run(t, root, nil, filepath.Join(root, "scripts", "custom-gcl.sh"), ts.gcl)
	run(t, root, nil, "go", "build", "-o", ts.dbleaklint, "./cmd/dbleaklint")
	return ts
}

// run runs a command that must succeed and logs its output.
func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", cmd, err, out)
	}
	return string(out)
}

// goEnv is the environment of the go commands that the tools start: the
// tree is linted as a module of its own, whatever the caller's go.work.
var goEnv = []string{"GOWORK=off", "GOFLAGS=-buildvcs=false"}
