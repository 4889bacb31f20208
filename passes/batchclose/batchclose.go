// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package batchclose

import (
	_ "embed"

	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
)

//go:embed doc.go
var doc string

// Analyzer reports pgx batch results that are not closed on every path.
var Analyzer = leakcheck.New("batchclose", docutil.MustExtract(doc, "batchclose"), leakcheck.ForCheck("batchclose"))
