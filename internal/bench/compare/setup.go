// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

const (
	// sqlclosecheckVersion is the peer's version, installed from the
	// module proxy.
	sqlclosecheckVersion = "v0.6.0"
	// golangciVersion is the golangci-lint version that
	// scripts/custom-gcl.sh builds (compare_test.go checks that they
	// agree).
	golangciVersion = "v2.15.0"
)

// self is this module, whose commands setUp builds.
const self = "github.com/dbleaklint/dbleaklint"

// setUp makes the paths absolute (the commands run in the modules'
// directories) and puts the commands to measure in the scratch
// directory's bin/: this checkout's dbleaklint, baseline and measure,
// built again every time, and sqlclosecheck, installed once.
func (b *bench) setUp() error {
	for _, path := range []*string{&b.work, &b.golangci} {
		if *path != "" {
			abs, err := filepath.Abs(*path)
			if err != nil {
				return err
			}
			*path = abs
		}
	}
	bin := filepath.Join(b.work, "bin")
	if err := os.MkdirAll(bin, 0o777); err != nil {
		return err
	}
	b.dbleaklint = filepath.Join(bin, "dbleaklint")
	b.baseline = filepath.Join(bin, "baseline")
	b.measure = filepath.Join(bin, "measure")
	if out, err := quiet("", nil, "go", "build", "-o", bin+string(filepath.Separator),
		self+"/cmd/dbleaklint", self+"/internal/bench/baseline", self+"/internal/bench/measure"); err != nil {
		return fmt.Errorf("building the commands (run compare in dbleaklint's checkout): %v\n%s", err, out)
	}

	// Each version in a directory of its own, outside this module so
	// that its go.mod does not apply.
	peer := filepath.Join(bin, "sqlclosecheck@"+sqlclosecheckVersion)
	b.sqlclosecheck = filepath.Join(peer, "sqlclosecheck")
	if _, err := os.Stat(b.sqlclosecheck); err == nil {
		return nil
	}
	if out, err := quiet(b.work, []string{"GOFLAGS=", "GOWORK=off", "GOBIN=" + peer},
		"go", "install", "github.com/ryanrolds/sqlclosecheck@"+sqlclosecheckVersion); err != nil {
		return fmt.Errorf("installing sqlclosecheck: %v\n%s", err, out)
	}
	return nil
}

// fetch returns a writable copy of module@version in the scratch
// directory, copied from the module cache (whose files are read-only)
// unless it is there already. Its dependencies are not downloaded here:
// the go command fetches those that the packages it is asked about need
// (GOFLAGS=-mod=mod), which for a subset of a big module is a fraction
// of its build list.
func (b *bench) fetch(module string) (string, error) {
	dir := filepath.Join(b.work, strings.NewReplacer("/", "_", "@", "_").Replace(module))
	if _, err := os.Stat(dir); err == nil {
		return dir, nil
	}
	// On failure, go mod download -json still prints the module, with
	// an Error, and exits with status 1.
	cmd := exec.Command("go", "mod", "download", "-json", module)
	cmd.Dir = b.work
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	out, err := cmd.Output()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &info); jerr != nil {
		return "", fmt.Errorf("go mod download: %v: %s", err, out)
	}
	if info.Dir == "" {
		return "", fmt.Errorf("cannot be downloaded: %s", info.Error)
	}
	tmp := dir + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return "", err
	}
	// The copies' files are writable: CopyFS creates them 0o666.
	if err := os.CopyFS(tmp, os.DirFS(info.Dir)); err != nil {
		return "", err
	}
	return dir, os.Rename(tmp, dir)
}

// describe says what the numbers depend on: the day, the machine, its
// load (the machine may be shared) and the versions measured.
func (b *bench) describe() string {
	load := "unknown"
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(data)); len(f) >= 3 {
			load = strings.Join(f[:3], " ")
		}
	}
	goVersion, _ := quiet("", nil, "go", "env", "GOVERSION")
	xtools, _ := quiet("", nil, "go", "list", "-m", "-f", "{{.Version}}", "golang.org/x/tools")
	s := fmt.Sprintf("%s, %d cores, %s, load average %s, %s, %s/%s, x/tools %s, sqlclosecheck %s",
		time.Now().UTC().Format(time.DateOnly), runtime.NumCPU(), memory(), load,
		strings.TrimSpace(goVersion), runtime.GOOS, runtime.GOARCH, strings.TrimSpace(xtools), sqlclosecheckVersion)
	if b.golangci != "" {
		s += ", golangci-lint " + golangciVersion
	}
	return s
}

// memory returns the machine's memory in GiB, from /proc/meminfo.
func memory() string {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return "memory unknown"
	}
	var kB int
	for line := range strings.Lines(string(data)) {
		if _, err := fmt.Sscanf(line, "MemTotal: %d kB", &kB); err == nil {
			return fmt.Sprintf("%.0f GiB", float64(kB)/(1<<20))
		}
	}
	return "memory unknown"
}
