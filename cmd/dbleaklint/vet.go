// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/dbleaklint/dbleaklint/analyzer"
)

// Under go vet and go fix, the go command runs the tool once per
// package, dependencies first, with the package described by a JSON
// file named *.cfg; facts travel between runs in .vetx files, and the go
// command caches each run. unitchecker implements that protocol; this
// file adds the configuration file to it.

// isVetInvocation reports whether the go command runs the tool: to ask
// its version (-V=full), its flags (-flags), or to analyze one package
// (a single *.cfg argument, after any flags).
func isVetInvocation(args []string) bool {
	for _, a := range args {
		switch a {
		case "-V=full", "--V=full", "-flags", "--flags":
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// runVetTool applies the configuration and hands over to unitchecker.
func runVetTool(args []string) {
	path, explicit := flagValue(args, "config")
	if !explicit {
		path = discoverForUnit(args)
	}
	cfg, err := readConfig(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
		os.Exit(exitUsage)
	}
	set, err := analyzer.New(cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
		os.Exit(exitUsage)
	}

	// -config is the tool's flag too, so that "go vet -config=FILE"
	// passes it on; it was read above, before unitchecker parses the
	// command line and so lets the command line override the file.
	flag.String("config", "", "configuration file (YAML); default: .dbleaklint.yml in the package's directory or a parent; none: no file")
	// The go command keys its cache on -V=full's output: it covers the
	// configuration file found from the working directory too, so that
	// editing it invalidates the cached results.
	flag.Var(versionFlag{}, "V", "print version and exit")

	// The whole suite stays registered, so that every check's flags
	// exist for every package; checks that the configuration disables
	// are turned off as -CHECK=false would, unless the command line
	// names them.
	var extra []string
	for _, a := range set.All {
		if !slices.Contains(set.Enabled, a) {
			if _, set := flagValue(args, a.Name); !set {
				extra = append(extra, "-"+a.Name+"=false")
			}
		}
	}
	os.Args = slices.Concat(os.Args[:1], extra, args)
	unitchecker.Main(set.All...)
}

// discoverForUnit returns the configuration file for the package of the
// *.cfg argument: the first .dbleaklint.yml in its directory or a parent.
func discoverForUnit(args []string) string {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return ""
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return "" // unitchecker reports it
	}
	var unit struct{ Dir string }
	if json.Unmarshal(data, &unit) != nil || unit.Dir == "" {
		return ""
	}
	path, _ := analyzer.FindConfigFile(unit.Dir)
	return path
}

// flagValue returns the value of the named flag in args, as the flag
// package would parse it (-name=v, --name=v, -name v; a bare -name is
// "true"), and whether args set it. It stops at the first non-flag
// argument or "--".
func flagValue(args []string, name string) (string, bool) {
	value, set := "", false
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") || a == "-" {
			break
		}
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		n, v, hasValue := strings.Cut(a, "=")
		if !hasValue && !isBoolFlag(n) && i+1 < len(args) {
			i++
			v = args[i]
		} else if !hasValue {
			v = "true"
		}
		if n == name {
			value, set = v, true
		}
	}
	return value, set
}

// isBoolFlag reports whether the tool's flag of that name is a boolean
// flag, which takes no separate value argument.
func isBoolFlag(name string) bool {
	switch name {
	case "config", "c", "tags":
		return false
	}
	check, sub, ok := strings.Cut(name, ".")
	if !ok {
		return true // a check's enable flag, -json, -fix, -diff, -V, ...
	}
	for _, a := range analyzer.Suite {
		if a.Name == check {
			if f := a.Flags.Lookup(sub); f != nil {
				b, ok := f.Value.(interface{ IsBoolFlag() bool })
				return ok && b.IsBoolFlag()
			}
		}
	}
	return true
}

// versionFlag implements -V=full, the go command's question for the
// identity of the tool: a hash of the executable and of the
// configuration file found from the working directory.
type versionFlag struct{}

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) String() string   { return "" }

func (versionFlag) Set(s string) error {
	if s != "full" {
		return fmt.Errorf("unsupported flag value: -V=%s (use -V=full)", s)
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	h := sha256.New()
	if err := hashFile(h, exe); err != nil {
		return err
	}
	if wd, err := os.Getwd(); err == nil {
		if path, ok := analyzer.FindConfigFile(wd); ok {
			fmt.Fprintf(h, "\x00config %s\x00", path)
			_ = hashFile(h, path) // unreadable: the run reports it
		}
	}
	// "devel" asks the go command to key its cache on the buildID
	// field; the module version between them is for people.
	v := ""
	if mv := moduleVersion(); mv != develVersion {
		v = mv + " "
	}
	fmt.Printf("%s version devel %sbuildID=%x\n", progname, v, h.Sum(nil))
	os.Exit(exitOK)
	return nil
}

func hashFile(h io.Writer, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(h, f)
	return err
}

// readConfig reads the configuration file at path; "" and "none" stand
// for no file, which is a nil configuration.
func readConfig(path string) (*analyzer.Config, error) {
	if path == "" || path == "none" {
		return nil, nil
	}
	return analyzer.ReadConfigFile(path)
}
