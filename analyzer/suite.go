// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package analyzer is the dbleaklint suite as a library: the list of
// checks that the command, go vet and the golangci-lint plugin run
// ([Suite], in the default configuration), the configuration's schema
// ([Config]), and [New], which builds the suite of a configuration.
package analyzer

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/sqlrowserr"

	"github.com/dbleaklint/dbleaklint/passes/batchclose"
	"github.com/dbleaklint/dbleaklint/passes/config"
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

// Suite lists every check of dbleaklint, in the order of the docs: the
// checks' package-level Analyzers, in the default configuration. [New]
// builds the suite of another configuration.
var Suite = checks(config.Default)

// checks returns every check in the configuration c, in the order of
// the docs.
//
// sqlrowserr, from x/tools, reports database/sql rows whose Err is not
// checked after iteration; dbleaklint reuses it rather than rewriting it.
// It has no settings: every configuration shares it.
func checks(c *config.Config) []*analysis.Analyzer {
	return []*analysis.Analyzer{
		rowsclose.For(c),
		rowscan.For(c),
		connrelease.For(c),
		txend.For(c),
		stmtclose.For(c),
		batchclose.For(c),
		deferloop.For(c),
		nestedacquire.For(c),
		scopeescape.For(c),
		poolpolicy.For(c),
		ownership.For(c),
		sqlrowserr.Analyzer,
		ignore.For(c),
	}
}
