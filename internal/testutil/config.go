// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package testutil

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/config"
)

// Configured returns the analyzer that build makes for a configuration
// of its own, starting from s, with its flags set as kv says ("strict",
// "true", ...): a test that changes a setting changes nothing that
// another test sees, so that the tests run in parallel.
func Configured(t testing.TB, build func(*config.Config) *analysis.Analyzer, s config.Settings, kv ...string) *analysis.Analyzer {
	t.Helper()
	c, err := config.New(s)
	if err != nil {
		t.Fatal(err)
	}
	a := build(c)
	for i := 0; i+1 < len(kv); i += 2 {
		if err := a.Flags.Set(kv[i], kv[i+1]); err != nil {
			t.Fatalf("-%s.%s=%s: %v", a.Name, kv[i], kv[i+1], err)
		}
	}
	return a
}
