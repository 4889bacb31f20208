// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package analyzer is the dbleaklint suite as a library: the list of
// checks that the command, go vet and the golangci-lint plugin run.
package analyzer

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/sqlrowserr"

	"github.com/dbleaklint/dbleaklint/passes/batchclose"
	"github.com/dbleaklint/dbleaklint/passes/connrelease"
	"github.com/dbleaklint/dbleaklint/passes/deferloop"
	"github.com/dbleaklint/dbleaklint/passes/ignore"
	"github.com/dbleaklint/dbleaklint/passes/nestedacquire"
	"github.com/dbleaklint/dbleaklint/passes/ownership"
	"github.com/dbleaklint/dbleaklint/passes/poolpolicy"
	"github.com/dbleaklint/dbleaklint/passes/rowscan"
	"github.com/dbleaklint/dbleaklint/passes/rowsclose"
	"github.com/dbleaklint/dbleaklint/passes/scopeescape"
	"github.com/dbleaklint/dbleaklint/passes/stmtclose"
	"github.com/dbleaklint/dbleaklint/passes/txend"
)

// Suite lists every check of dbleaklint, in the order of the docs.
//
// sqlrowserr, from x/tools, reports database/sql rows whose Err is not
// checked after iteration; dbleaklint reuses it rather than rewriting it.
var Suite = []*analysis.Analyzer{
	rowsclose.Analyzer,
	rowscan.Analyzer,
	connrelease.Analyzer,
	txend.Analyzer,
	stmtclose.Analyzer,
	batchclose.Analyzer,
	deferloop.Analyzer,
	nestedacquire.Analyzer,
	scopeescape.Analyzer,
	poolpolicy.Analyzer,
	ownership.Analyzer,
	sqlrowserr.Analyzer,
	ignore.Analyzer,
}
