// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package ignore

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
)

//go:embed doc.go
var doc string

// Analyzer reports //dbleaklint:ignore directives that give no reason or
// silence nothing, in the default configuration.
var Analyzer = For(config.Default)

// For returns the check in the configuration c.
func For(c *config.Config) *analysis.Analyzer {
	return leakcheck.Ignore(c, doc)
}
