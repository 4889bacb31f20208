// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package scopeescape

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/escape"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
)

//go:embed doc.go
var doc string

const name = "scopeescape"

// Analyzer reports connections and transactions that escape the callback
// of a scoped helper: it reports the findings of package escape.
var Analyzer = newAnalyzer()

// check holds the settings of one Analyzer.
type check struct {
	debug bool // -scopeescape.debug
}

func newAnalyzer() *analysis.Analyzer {
	c := new(check)
	a := &analysis.Analyzer{
		Name:     name,
		Doc:      docutil.MustExtract(doc, name),
		URL:      "https://pkg.go.dev/github.com/dbleaklint/dbleaklint/passes/" + name,
		Run:      c.run,
		Requires: []*analysis.Analyzer{escape.Analyzer},
		// The analysis finds nothing in a package that does not
		// type-check, whose errors the driver reports once.
		RunDespiteErrors: true,
	}
	a.Flags.BoolVar(&c.debug, "debug", false, "also report the helper calls whose callback is not checked, and print the stack of an internal error")
	return a
}

func (c *check) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[escape.Analyzer].(*escape.Result)
	silencer := leakcheck.NewSilencer(pass)
	for _, f := range res.Findings {
		if !silencer.Silenced(f.Pos) {
			pass.Report(analysis.Diagnostic{Pos: f.Pos, Category: name, Message: f.Message})
		}
	}
	if c.debug {
		for _, u := range res.Unchecked {
			pass.Report(analysis.Diagnostic{
				Pos:      u.Pos,
				Category: name + "/debug",
				Message:  fmt.Sprintf("debug: the callback of %s is not checked: it is not a function literal, function or method value of this package", u.Helper),
			})
		}
	}
	if len(res.Errors) > 0 {
		return nil, res.Errors[0].Report(name, c.debug)
	}
	return nil, nil
}
