// Package testutil holds helpers shared by the dbleaklint analyzer tests.
//
// Run, RunWithSuggestedFixes and Load stand for analysistest's functions
// over a tree of testdata (TestData's GOPATH tree, or a module such as
// testdata/mod/realpgx): the tree is loaded once per test binary, whole,
// and shared by every run of every analyzer, and only its own packages
// are type-checked from source, the standard library and other imports
// being read from export data, as the command loads them. A test of a
// check is then:
//
//	func Test(t *testing.T) {
//		testutil.Run(t, testutil.TestData(), rowsclose.Analyzer, "rowsclose/...")
//	}
//
// with the "// want" comments of analysistest. RunEdited checks a
// package with some files replaced (the output of fixes), and RunPart a
// few packages of a tree too large to load whole.
package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestData returns the absolute path of the repository's testdata directory, the GOPATH-style root
// (testdata/src/...) that analysistest.Run expects. It does not depend on the working directory of
// the test that calls it.
func TestData() string {
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		// file is <repo>/internal/testutil/testutil.go.
		return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
	}
	// Built with -trimpath: the source path is not absolute, so look for the module root
	// (the directory holding go.mod) above the working directory, which go test sets to the
	// directory of the package under test.
	dir, err := os.Getwd()
	if err != nil {
		panic("testutil: " + err.Error())
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			panic("testutil: cannot locate the testdata directory")
		}
		dir = parent
	}
}

// DownloadModules fills the module cache with the modules that the
// go.mod file of dir requires. analysistest loads module-mode testdata
// with GOPROXY=off, so a module that nothing built yet on a fresh
// machine would otherwise fail to load.
func DownloadModules(t testing.TB, dir string) {
	t.Helper()
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
}
