// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Command baseline is the yardstick of scripts/bench.sh: an x/tools
// multichecker whose only analyzer requires buildssa and does nothing.
// Because buildssa requires ctrlflow, which has facts, the multichecker
// parses and type-checks every dependency from source and builds SSA
// for every package: the cost of any suite that builds SSA and uses
// facts the standard way.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/passes/buildssa"
)

var analyzer = &analysis.Analyzer{
	Name:     "buildssaonly",
	Doc:      "build SSA and report nothing (a benchmark baseline)",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { multichecker.Main(analyzer) }
