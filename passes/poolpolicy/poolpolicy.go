// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package poolpolicy

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
	"github.com/dbleaklint/dbleaklint/passes/internal/rawpool"
)

//go:embed doc.go
var doc string

// Analyzer reports raw pgxpool acquisitions outside the allowed packages,
// when -poolpolicy.enforce is set, in the default configuration.
var Analyzer = For(config.Default)

type key struct{}

// For returns the check in the configuration c, which owns its
// -poolpolicy.enforce and -poolpolicy.allow flags.
func For(c *config.Config) *analysis.Analyzer {
	return config.Instance(c, key{}, func() *analysis.Analyzer {
		name := check.PoolPolicy.String()
		a := &analysis.Analyzer{
			Name:     name,
			Doc:      docutil.MustExtract(doc, name),
			URL:      leakcheck.URL(check.PoolPolicy),
			Run:      func(pass *analysis.Pass) (any, error) { return run(pass, c) },
			Requires: []*analysis.Analyzer{c.Analyzer},
			// The check only needs the type information of the
			// expressions it looks at; the driver reports a package's
			// type errors once.
			RunDespiteErrors: true,
		}
		c.AddFlags(check.PoolPolicy, &a.Flags)
		return a
	})
}

func run(pass *analysis.Pass, c *config.Config) (any, error) {
	silencer := leakcheck.NewSilencer(pass)
	m := pass.ResultOf[c.Analyzer].(*config.Model)
	policy := rawpool.Policy{Enforce: m.Enforce, Allow: m.Allow}
	for _, u := range policy.Findings(pass) {
		if silencer.Silenced(u.Pos) {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:      u.Pos,
			Category: check.PoolPolicy.String(),
			Message:  fmt.Sprintf("raw (*pgxpool.Pool).%s outside the allowed packages; %s", u.Method, u.Advice),
		})
	}
	return nil, nil
}
