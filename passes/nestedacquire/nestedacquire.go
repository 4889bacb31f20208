// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package nestedacquire

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
)

//go:embed doc.go
var doc string

const id = check.NestedAcquire

// Analyzer reports calls that take a connection from a pool while one
// of the same pool is held. It is the check of the default
// configuration.
var Analyzer = For(config.Default)

type key struct{}

// For returns the check in the configuration c.
func For(c *config.Config) *analysis.Analyzer {
	return config.Instance(c, key{}, func() *analysis.Analyzer {
		na := &nested{config: c, engine: leakflow.For(c)}
		a := &analysis.Analyzer{
			Name:     id.String(),
			Doc:      docutil.MustExtract(doc, id.String()),
			URL:      leakcheck.URL(id),
			Run:      na.run,
			Requires: []*analysis.Analyzer{c.Analyzer, na.engine},
			// The engine finds nothing in a package that does not
			// type-check, whose errors the driver reports once.
			RunDespiteErrors: true,
		}
		c.AddFlags(id, &a.Flags)
		return a
	})
}

// nested is the check of one configuration.
type nested struct {
	config *config.Config
	engine *analysis.Analyzer
}

func (na *nested) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[na.engine].(*leakflow.Result)
	debug := pass.ResultOf[na.config.Analyzer].(*config.Model).Debug(id)
	silencer := leakcheck.NewSilencer(pass)
	for _, n := range res.Nested {
		if silencer.Silenced(n.Pos) {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:      n.Pos,
			Category: id.String(),
			Message:  n.Message,
			Related:  []analysis.RelatedInformation{{Pos: n.Held, Message: "held from here"}},
		})
	}
	if debug {
		for _, n := range res.NestedUnsure {
			pass.Report(analysis.Diagnostic{Pos: n.Pos, Category: id.String() + "/debug", Message: "debug: " + n.Message})
		}
	}
	for _, e := range res.Errors {
		if e.Check == id {
			return nil, fmt.Errorf("%v (please report it)", e)
		}
	}
	return nil, nil
}
