// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package stmtclose

import (
	_ "embed"

	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
)

//go:embed doc.go
var doc string

// Analyzer reports prepared statements that are not closed on every path.
var Analyzer = leakcheck.New("stmtclose", docutil.MustExtract(doc, "stmtclose"), leakcheck.ForCheck("stmtclose"))
