// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package check_test

import (
	"slices"
	"testing"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
)

// TestSuite: every analyzer of the suite is a check of this package by
// its name (but x/tools' sqlrowserr), and every check is in the suite.
func TestSuite(t *testing.T) {
	t.Parallel()
	var inSuite []check.ID
	for _, a := range analyzer.Suite {
		if a.Name == "sqlrowserr" {
			continue
		}
		id, ok := check.Lookup(a.Name)
		if !ok {
			t.Errorf("analyzer %s is no check.ID", a.Name)
			continue
		}
		inSuite = append(inSuite, id)
	}
	for _, id := range check.All() {
		if !slices.Contains(inSuite, id) {
			t.Errorf("check %s is not in the suite", id)
		}
	}
}

func TestProps(t *testing.T) {
	t.Parallel()
	for _, id := range check.All() {
		p := id.Props()
		if p.Name == "" {
			t.Errorf("check %d has no name", id)
		}
		if got, ok := check.Lookup(p.Name); !ok || got != id {
			t.Errorf("Lookup(%q) = %v, %v; want %v", p.Name, got, ok, id)
		}
		if p.Leak != (p.Noun != "" && p.Missing != "") {
			t.Errorf("%s: a leak check, and only one, names its resources and what they miss: %+v", id, p)
		}
		if _, ok := check.LookupLeak(p.Name); ok != p.Leak {
			t.Errorf("LookupLeak(%q) = %v, want %v", p.Name, ok, p.Leak)
		}
	}
	if check.None.String() != "" || check.ID(200).String() != "" {
		t.Error("an ID that is no check has a name")
	}
	want := []string{"batchclose", "connrelease", "rowscan", "rowsclose", "stmtclose", "txend"}
	if got := check.LeakNames(); !slices.Equal(got, want) {
		t.Errorf("LeakNames() = %v, want %v", got, want)
	}
}
