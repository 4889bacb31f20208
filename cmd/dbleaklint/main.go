// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Command dbleaklint finds database resources (pgx v5, pgxpool and
// database/sql connections, rows, transactions, statements and batch
// results) that are not released on every path.
//
// Usage:
//
//	dbleaklint [flags] packages...
//	go vet -vettool=$(command -v dbleaklint) packages...
//
// It exits with status 3 when it reports findings, 1 on errors. Run
// "dbleaklint help" for the checks and their flags.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/dbleaklint/dbleaklint/analyzer"
)

func main() { multichecker.Main(analyzer.Suite...) }
