// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package ownership

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
)

//go:embed doc.go
var doc string

// Analyzer computes the ownership facts, in the default configuration.
var Analyzer = For(config.Default)

type key struct{}

// For returns the ownership analyzer of the configuration c. The engine
// builds it, since it requires it, with its flag (-ownership.resource);
// this package documents it.
func For(c *config.Config) *analysis.Analyzer {
	return config.Instance(c, key{}, func() *analysis.Analyzer {
		a := leakflow.Ownership(c)
		a.Doc = docutil.MustExtract(doc, check.Ownership.String())
		a.URL = leakcheck.URL(check.Ownership)
		return a
	})
}
