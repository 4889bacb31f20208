// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Command corpusreport compares the findings of dbleaklint on the corpus
// of real modules (scripts/corpus.sh) with the verdicts a person gave
// them (testdata/corpus/verdicts.tsv), and prints per module its size in
// thousands of non-test Go lines, its findings in non-test and test
// files, how many of them are leaks, false alarms or debatable, then the
// totals with the precision of the non-test findings
// (leak / (leak + false alarm)), the findings that have no verdict yet,
// and the verdicts whose finding no longer exists (a lost leak shows
// there).
//
// Usage: corpusreport [-v] -verdicts FILE MANIFEST
//
// MANIFEST is written by scripts/corpus.sh: one module a line, tab
// separated: module@version, kind, module directory, package patterns
// (space separated), and the path of its results without extension
// (PATH.json holds dbleaklint -format=json's output, PATH.err its
// standard error). The verdict file's format is described in
// testdata/corpus/README.md. The exit status is 1 when the manifest or
// the verdict file cannot be read, 0 otherwise.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	verdictsPath := flag.String("verdicts", "testdata/corpus/verdicts.tsv", "the verdict `file`")
	verbose := flag.Bool("v", false, "also list every finding with its verdict")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: corpusreport [-v] [-verdicts FILE] MANIFEST")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, flag.Arg(0), *verdictsPath, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "corpusreport:", err)
		os.Exit(1)
	}
}
