// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package analyzer

// The pages of docs/checks render the documentation of the checks of
// Suite; regenerate them after editing a check's doc.go (make docs).
// internal/docgen's tests fail while they are stale.
//go:generate go run github.com/dbleaklint/dbleaklint/internal/docgen/gendocs -dir ../docs/checks
