// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package nestedacquire

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
)

//go:embed doc.go
var doc string

const name = "nestedacquire"

// Analyzer reports calls that take a connection from a pool while a
// connection or transaction of the same pool is held.
var Analyzer = newAnalyzer()

// check holds the flags of the analyzer.
type check struct {
	debug bool
}

func newAnalyzer() *analysis.Analyzer {
	c := new(check)
	a := &analysis.Analyzer{
		Name:     name,
		Doc:      docutil.MustExtract(doc, name),
		URL:      "https://pkg.go.dev/github.com/dbleaklint/dbleaklint/passes/" + name,
		Run:      c.run,
		Requires: []*analysis.Analyzer{leakflow.Analyzer},
		// The engine finds nothing in a package that does not
		// type-check, whose errors the driver reports once.
		RunDespiteErrors: true,
	}
	a.Flags.BoolVar(&c.debug, "debug", false, "also report calls on a pool of the held connection's type that cannot be shown to be the same pool, which are not reported")
	return a
}

func (c *check) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[leakflow.Analyzer].(*leakflow.Result)
	silencer := leakcheck.NewSilencer(pass)
	for _, n := range res.Nested {
		if silencer.Silenced(n.Pos) {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:      n.Pos,
			Category: name,
			Message:  n.Message,
			Related:  []analysis.RelatedInformation{{Pos: n.Held, Message: "held from here"}},
		})
	}
	if c.debug {
		for _, n := range res.NestedUnsure {
			pass.Report(analysis.Diagnostic{Pos: n.Pos, Category: name + "/debug", Message: "debug: " + n.Message})
		}
	}
	for _, e := range res.Errors {
		if e.Check == name {
			return nil, fmt.Errorf("%v (please report it)", e)
		}
	}
	return nil, nil
}
