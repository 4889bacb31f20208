// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package rowscan

import (
	_ "embed"

	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakcheck"
)

//go:embed doc.go
var doc string

// Analyzer reports QueryRow results that are never scanned.
var Analyzer = leakcheck.New("rowscan", docutil.MustExtract(doc, "rowscan"), leakcheck.ForCheck("rowscan"))
