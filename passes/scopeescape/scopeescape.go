// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package scopeescape

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/escape"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
)

//go:embed doc.go
var doc string

// Analyzer reports connections and transactions that escape the callback
// of a scoped helper, in the default configuration: it reports the
// findings of package escape.
var Analyzer = For(config.Default)

type key struct{}

// For returns the check in the configuration c, which owns its
// -scopeescape.debug flag.
func For(c *config.Config) *analysis.Analyzer {
	return config.Instance(c, key{}, func() *analysis.Analyzer {
		escapes := escape.For(c)
		name := check.ScopeEscape.String()
		a := &analysis.Analyzer{
			Name:     name,
			Doc:      docutil.MustExtract(doc, name),
			URL:      leakcheck.URL(check.ScopeEscape),
			Run:      func(pass *analysis.Pass) (any, error) { return run(pass, c, escapes) },
			Requires: []*analysis.Analyzer{c.Analyzer, escapes},
			// The analysis finds nothing in a package that does not
			// type-check, whose errors the driver reports once.
			RunDespiteErrors: true,
		}
		c.AddFlags(check.ScopeEscape, &a.Flags)
		return a
	})
}

func run(pass *analysis.Pass, c *config.Config, escapes *analysis.Analyzer) (any, error) {
	name := check.ScopeEscape.String()
	debug := pass.ResultOf[c.Analyzer].(*config.Model).Debug(check.ScopeEscape)
	res := pass.ResultOf[escapes].(*escape.Result)
	silencer := leakcheck.NewSilencer(pass)
	for _, f := range res.Findings {
		if !silencer.Silenced(f.Pos) {
			pass.Report(analysis.Diagnostic{Pos: f.Pos, Category: name, Message: f.Message})
		}
	}
	if debug {
		for _, u := range res.Unchecked {
			pass.Report(analysis.Diagnostic{
				Pos:      u.Pos,
				Category: name + "/debug",
				Message:  fmt.Sprintf("debug: the callback of %s is not checked: it is not a function literal, function or method value of this package", u.Helper),
			})
		}
	}
	if len(res.Errors) > 0 {
		return nil, res.Errors[0].Report(check.ScopeEscape, debug)
	}
	return nil, nil
}
