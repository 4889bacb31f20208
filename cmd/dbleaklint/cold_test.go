// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main_test

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// loaded matches the -v line that says how each package was loaded.
var loaded = regexp.MustCompile(`loaded: \d+ target packages to analyze, (\d+) packages type-checked from source, (\d+) from declarations, (\d+) read from export data`)

// runWithGOCACHE runs dbleaklint -v -cache=off in dir with the given
// build cache and returns its findings and how many packages it loaded
// from source, from declarations and from export data.
func runWithGOCACHE(t *testing.T, dir, gocache string, args ...string) (r result, source, decls, export int) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"-v", "-cache=off"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOCACHE="+gocache)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatal(err)
		}
	}
	r = result{stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()}
	m := loaded.FindStringSubmatch(r.stderr)
	if m == nil {
		t.Fatalf("no 'loaded' line in the -v output:\n%s", r.stderr)
	}
	fmt.Sscan(m[1], &source)
	fmt.Sscan(m[2], &decls)
	fmt.Sscan(m[3], &export)
	return r, source, decls, export
}

// TestColdBuildCache runs dbleaklint on the example service with an
// empty build cache: nothing is compiled (every dependency is
// type-checked from its declarations) and the findings are those of a
// warm run.
func TestColdBuildCache(t *testing.T) {
	root := repoRoot(t)
	gocache := t.TempDir()
	r, source, decls, export := runWithGOCACHE(t, ".", gocache, "../../examples/userservice/...")
	if r.code != 3 {
		t.Fatalf("exit status %d, want 3\nstderr:\n%s", r.code, r.stderr)
	}
	checkFindings(t, parseText(t, root, r.stderr), leakyWant)
	if source == 0 || decls == 0 || export != 0 {
		t.Errorf("loaded %d packages from source, %d from declarations, %d from export data; want some, some and none", source, decls, export)
	}
	// Nothing was compiled: the build cache holds no compiled package
	// (an archive; it holds go list's index and cgo's output).
	var archives []string
	err := filepath.WalkDir(gocache, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		head := make([]byte, 8)
		if n, _ := io.ReadFull(f, head); n == 8 && string(head) == "!<arch>\n" {
			archives = append(archives, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(archives) > 0 {
		t.Errorf("the build cache holds %d compiled packages, want none: %v", len(archives), archives)
	}
}

// TestPartlyCompiled checks a build cache that holds the export data of
// some dependencies only: those are read from it, the others are
// type-checked from their declarations, and a package edited since it
// was compiled is type-checked from source again.
func TestPartlyCompiled(t *testing.T) {
	dir := t.TempDir()
	gocache := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/partly\n\ngo 1.25\n",
		// util imports nothing, so compiling it compiles nothing else.
		"util/util.go": "package util\n\n// Query returns the query text.\nfunc Query() string { return \"SELECT 1\" }\n",
		"store/store.go": `package store

import (
	"database/sql"

	"example.com/partly/util"
)

func Get(db *sql.DB) error {
	rows, err := db.Query(util.Query())
	if err != nil {
		return err
	}
	return rows.Err()
}
`,
	})
	build := exec.Command("go", "build", "./util")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOCACHE="+gocache)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./util: %v\n%s", err, out)
	}
	leak := regexp.MustCompile(`(?m)store\.go:10:15: rows from db\.Query is not closed on the path that returns at store\.go:14`)
	r, _, decls, export := runWithGOCACHE(t, dir, gocache, "./...")
	if r.code != 3 || !leak.MatchString(r.stderr) {
		t.Errorf("exit status %d, stderr:\n%s\nwant 3 and the leak in store", r.code, r.stderr)
	}
	if export != 1 || decls == 0 {
		t.Errorf("%d packages from export data, %d from declarations; want 1 (util) and some (database/sql and its imports)", export, decls)
	}

	// Edited, util has no export data any more.
	writeFiles(t, dir, map[string]string{
		"util/util.go": "package util\n\n// Query returns the query text.\nfunc Query() string { return \"SELECT 2\" }\n",
	})
	r, _, _, export = runWithGOCACHE(t, dir, gocache, "./...")
	if r.code != 3 || !leak.MatchString(r.stderr) || export != 0 {
		t.Errorf("after editing util: exit status %d, %d packages from export data, stderr:\n%s\nwant 3, none and the leak", r.code, export, r.stderr)
	}
}
