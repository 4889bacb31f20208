// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package deferloop

import (
	_ "embed"

	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
)

//go:embed doc.go
var doc string

// Analyzer reports releases deferred inside a loop.
var Analyzer = leakcheck.New("deferloop", docutil.MustExtract(doc, "deferloop"), isDeferInLoop)

func isDeferInLoop(f *leakflow.Finding) bool { return f.Kind == leakflow.DeferInLoop }
