// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package config_test

import (
	"errors"
	"flag"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// TestModelImmutable: a flag set after a model was handed out makes a
// new model and leaves the old one as it was.
func TestModelImmutable(t *testing.T) {
	t.Parallel()
	c := config.MustNew(config.Settings{Strict: true})
	var fs flag.FlagSet
	c.AddFlags(check.RowsClose, &fs)
	before := c.Model()
	if c.Model() != before {
		t.Error("two models of unchanged settings")
	}
	if !before.Strict(check.RowsClose) || before.Debug(check.RowsClose) {
		t.Errorf("strict %t, debug %t; want the configuration's true, false", before.Strict(check.RowsClose), before.Debug(check.RowsClose))
	}
	if err := fs.Set("strict", "false"); err != nil {
		t.Fatal(err)
	}
	after := c.Model()
	if after == before || after.Strict(check.RowsClose) || !before.Strict(check.RowsClose) {
		t.Errorf("after -strict=false: new model %t, its strict %t, the old one's %t; want a new model, false, true",
			after != before, after.Strict(check.RowsClose), before.Strict(check.RowsClose))
	}
	if other := config.MustNew(config.Settings{}).Model(); other.Strict(check.RowsClose) {
		t.Error("another configuration is strict")
	}
}

func TestNewErrors(t *testing.T) {
	t.Parallel()
	_, err := config.New(config.Settings{Resources: []resource.Spec{
		{Type: "*example.com/db.Rows", Check: "rowsclose", Acquire: []string{"example.com/db.Open"}, Release: []string{"Close"}},
		{Type: "*example.com/db.Stmt", Check: "stmtclos", Acquire: []string{"example.com/db.Prepare"}, Release: []string{"Close"}},
	}})
	var e *config.Error
	if !errors.As(err, &e) || e.Key != "resources" || e.Index != 1 {
		t.Errorf("got %v, want an error about resources[1]", err)
	}
	_, err = config.New(config.Settings{Allow: []string{"example.com/db", "example.com/.../x"}})
	if !errors.As(err, &e) || e.Key != "pool-policy.allow" || e.Index != 1 {
		t.Errorf("got %v, want an error about pool-policy.allow[1]", err)
	}
}

// TestInstance: the analyzers of a configuration are built once.
func TestInstance(t *testing.T) {
	t.Parallel()
	c := config.MustNew(config.Settings{})
	type key struct{}
	n := 0
	build := func() *analysis.Analyzer { n++; return &analysis.Analyzer{Name: "x"} }
	a, b := config.Instance(c, key{}, build), config.Instance(c, key{}, build)
	if a != b || n != 1 {
		t.Errorf("two calls built %d analyzers (same: %t), want 1", n, a == b)
	}
	if config.Instance(config.MustNew(config.Settings{}), key{}, build) == a {
		t.Error("another configuration shares the analyzer")
	}
}

// TestFlags: each check has the flags that configure it, under their
// documented names, and -ownership.resource validates and adds.
func TestFlags(t *testing.T) {
	t.Parallel()
	c := config.MustNew(config.Settings{})
	for id, want := range map[check.ID][]string{
		check.RowsClose:     {"debug", "strict"},
		check.DeferLoop:     {"debug", "strict"},
		check.NestedAcquire: {"debug"},
		check.PoolPolicy:    {"allow", "enforce"},
		check.Ownership:     {"resource"},
		check.Ignore:        nil,
	} {
		var fs flag.FlagSet
		c.AddFlags(id, &fs)
		var got []string
		fs.VisitAll(func(f *flag.Flag) { got = append(got, f.Name) })
		if len(got) != len(want) || len(got) > 0 && (got[0] != want[0] || got[len(got)-1] != want[len(want)-1]) {
			t.Errorf("%s: flags %v, want %v", id, got, want)
		}
	}
	var fs flag.FlagSet
	c.AddFlags(check.Ownership, &fs)
	if err := fs.Set("resource", `{"type":"*x.Rows","check":"rowclose","acquire":["x.Open"],"release":["Close"]}`); err == nil {
		t.Error("a resource naming no check was accepted")
	}
	if err := fs.Set("resource", `{"type":"*x.Rows","check":"rowsclose","acquire":["x.Open"],"release":["Close"]}`); err != nil {
		t.Fatal(err)
	}
	if got := c.Resources(); len(got) != 1 || got[0].Type != "*x.Rows" {
		t.Errorf("resources %+v, want *x.Rows alone", got)
	}
	if c.Model().Resources.Lookup("*x.Rows") == nil {
		t.Error("the model does not know the resource the flag added")
	}
}
