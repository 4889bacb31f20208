// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Command gendocs writes the documentation pages of dbleaklint's checks,
// one per check of analyzer.Suite and an index, from their doc.go files.
// go generate ./analyzer runs it, and so does make docs.
//
// Usage:
//
//	gendocs -dir docs/checks
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/internal/docgen"
)

func main() {
	dir := flag.String("dir", docgen.Dir, "the `directory` to write the pages into")
	flag.Parse()
	files, err := docgen.Generate(analyzer.Suite)
	if err == nil {
		err = docgen.Write(*dir, files)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gendocs: %v\n", err)
		os.Exit(1)
	}
}
