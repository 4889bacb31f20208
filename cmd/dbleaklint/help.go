// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"
)

const helpText = `dbleaklint finds database resources (pgx v5, pgxpool and database/sql
connections, rows, transactions, statements and batch results) that are
not released on every path.

Usage:

	dbleaklint [flags] [packages]      (default ./...)
	dbleaklint help [check]            (or -help: this text)
	dbleaklint -version
	go vet -vettool=$(command -v dbleaklint) [flags] [packages]
	go fix -fixtool=$(command -v dbleaklint) [packages]

Exit status:

	0  no findings; with -fix, none left; with -json, findings or not
	1  errors: a package that does not load or type-check, an analysis
	   error, a file that -fix cannot write. Errors win over findings,
	   which may then be incomplete.
	2  usage or configuration errors
	3  findings (with -baseline: new ones; with -fix: those it could not
	   fix; with -diff: any, since -diff changes nothing)

Under go vet and go fix, the go command decides the exit status.
`

// printHelp prints the summary of the checks and flags, or with args
// the documentation of the named checks. An unknown check is an error.
func printHelp(w io.Writer, cl *commandLine, suite []*analysis.Analyzer, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(w, helpText+"\n")
		fmt.Fprintln(w, "Checks:")
		fmt.Fprintln(w)
		for _, a := range suite {
			fmt.Fprintf(w, "    %-12s %s\n", a.Name, title(a))
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, "All checks run by default. -CHECK runs only the checks so named;")
		fmt.Fprintln(w, "-CHECK=false runs all but those.")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Flags:")
		fmt.Fprintln(w)
		fs := flag.NewFlagSet("", flag.ContinueOnError)
		cl.fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(f.Name, ".") && cl.isCheck(f.Name) == nil {
				fs.Var(f.Value, f.Name, f.Usage)
			}
		})
		fs.SetOutput(w)
		fs.PrintDefaults()
		fmt.Fprintf(w, "\nRun '%s help CHECK' for the documentation and flags of a check.\n", progname)
		return nil
	}
	for _, name := range args {
		a := cl.isCheck(name)
		if a == nil {
			return fmt.Errorf("unknown check %q; run '%s help' for the list", name, progname)
		}
		paras := strings.Split(a.Doc, "\n\n")
		fmt.Fprintf(w, "%s: %s\n", a.Name, paras[0])
		fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
		if hasFlags(a) {
			fmt.Fprintln(w, "\nAnalyzer flags:")
			fmt.Fprintln(w)
			fs.SetOutput(w)
			fs.PrintDefaults()
		}
		if len(paras) > 1 {
			fmt.Fprintf(w, "\n%s\n", strings.Join(paras[1:], "\n\n"))
		}
	}
	return nil
}

// isCheck returns the check named name, or nil.
func (cl *commandLine) isCheck(name string) *analysis.Analyzer {
	for a := range cl.enabled {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func hasFlags(a *analysis.Analyzer) bool {
	n := 0
	a.Flags.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// title is the first paragraph of a check's documentation, without the
// "name: " prefix that some x/tools analyzers repeat.
func title(a *analysis.Analyzer) string {
	t, _, _ := strings.Cut(a.Doc, "\n\n")
	return strings.TrimPrefix(t, a.Name+": ")
}
