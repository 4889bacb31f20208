// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package analyzer_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/ownership"
)

// flagValue returns the value of the flag of the named check.
func flagValue(t *testing.T, check, name string) string {
	t.Helper()
	for _, a := range analyzer.Suite {
		if a.Name == check {
			if f := a.Flags.Lookup(name); f != nil {
				return f.Value.String()
			}
		}
	}
	t.Fatalf("no flag -%s.%s", check, name)
	return ""
}

var sqlxRows = ownership.Spec{
	Type:    "*github.com/jmoiron/sqlx.Rows",
	Check:   "rowsclose",
	Acquire: []string{"(*github.com/jmoiron/sqlx.DB).Queryx"},
	Release: []string{"Close"},
}

func TestApplyStrict(t *testing.T) {
	testutil.RestoreState(t, analyzer.Suite)
	var strict []string
	for _, a := range analyzer.Suite {
		if a.Flags.Lookup("strict") != nil {
			strict = append(strict, a.Name)
		}
	}
	if len(strict) == 0 {
		t.Fatal("no check has a strict flag")
	}
	if err := (&analyzer.Config{Strict: true}).Apply(); err != nil {
		t.Fatal(err)
	}
	for _, name := range strict {
		if got := flagValue(t, name, "strict"); got != "true" {
			t.Errorf("-%s.strict = %s after Apply, want true", name, got)
		}
	}
}

// TestApplyKeepsFlags: what the configuration does not set keeps its
// value, so that the command line can override the file.
func TestApplyKeepsFlags(t *testing.T) {
	testutil.RestoreState(t, analyzer.Suite)
	if err := analyzer.Suite[0].Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	if err := (&analyzer.Config{}).Apply(); err != nil {
		t.Fatal(err)
	}
	if got := flagValue(t, analyzer.Suite[0].Name, "strict"); got != "true" {
		t.Errorf("-%s.strict = %s after applying an empty configuration, want true (unchanged)", analyzer.Suite[0].Name, got)
	}
}

func TestApplyPoolPolicy(t *testing.T) {
	testutil.RestoreState(t, analyzer.Suite)
	c := &analyzer.Config{PoolPolicy: analyzer.PoolPolicy{
		Enforce: true,
		Allow:   []string{"example.com/internal/db/...", "example.com/cmd/migrate"},
	}}
	if !slices.Contains(suiteNames(), "poolpolicy") {
		// The suite must say so rather than ignore the setting.
		err := c.Apply()
		if err == nil || !strings.Contains(err.Error(), "no poolpolicy check") {
			t.Fatalf("Apply without a poolpolicy check: got %v, want an error saying so", err)
		}
		return
	}
	if err := c.Apply(); err != nil {
		t.Fatal(err)
	}
	if got := flagValue(t, "poolpolicy", "enforce"); got != "true" {
		t.Errorf("-poolpolicy.enforce = %s, want true", got)
	}
	if got, want := flagValue(t, "poolpolicy", "allow"), "example.com/internal/db/...,example.com/cmd/migrate"; got != want {
		t.Errorf("-poolpolicy.allow = %s, want %s", got, want)
	}
}

func TestApplyResources(t *testing.T) {
	testutil.RestoreState(t, analyzer.Suite)
	c := &analyzer.Config{Resources: []ownership.Spec{sqlxRows}}
	if err := c.Apply(); err != nil {
		t.Fatal(err)
	}
	if got := ownership.Specs(); !reflect.DeepEqual(got, c.Resources) {
		t.Errorf("installed resources %+v, want %+v", got, c.Resources)
	}
	// Applying another configuration replaces them.
	if err := (&analyzer.Config{}).Apply(); err != nil {
		t.Fatal(err)
	}
	if got := ownership.Specs(); len(got) != 0 {
		t.Errorf("installed resources %+v after an empty configuration, want none", got)
	}
}

// TestApplyBadResource: an invalid resource of a configuration file is
// an error naming its line, and changes nothing.
func TestApplyBadResource(t *testing.T) {
	testutil.RestoreState(t, analyzer.Suite)
	if err := ownership.Configure([]ownership.Spec{sqlxRows}); err != nil {
		t.Fatal(err)
	}
	name := writeConfig(t, `resources:
  - type: "*example.com/db.Rows"
    check: rowsclose
    acquire: [example.com/db.Query]
    release: [Close]
  - type: "*example.com/db.Stmt"
    check: stmtclos
    acquire: [example.com/db.Prepare]
    release: [Close]
`)
	c, err := analyzer.ReadConfigFile(name)
	if err != nil {
		t.Fatal(err)
	}
	err = c.Apply()
	want := name + `:6: resources[1] (*example.com/db.Stmt): unknown check "stmtclos"; one of `
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got error\n\t%v\nwant one starting\n\t%s", err, want)
	}
	if got := ownership.Specs(); !reflect.DeepEqual(got, []ownership.Spec{sqlxRows}) {
		t.Errorf("installed resources %+v after a failed Apply, want the previous ones", got)
	}
}

// TestApplyErrors: the errors of a configuration not read from a file
// (golangci-lint's settings) name the key.
func TestApplyErrors(t *testing.T) {
	testutil.RestoreState(t, analyzer.Suite)
	for _, test := range []struct {
		c    *analyzer.Config
		want string // a prefix
	}{
		{&analyzer.Config{Disable: []string{"rowsclose", "txEnd"}}, `disable[1]: unknown check "txEnd"`},
		{&analyzer.Config{PoolPolicy: analyzer.PoolPolicy{Allow: []string{"a,b"}}}, `pool-policy.allow[0]: "a,b" is not a package pattern`},
		{&analyzer.Config{Resources: []ownership.Spec{{Type: "Rows", Check: "rowsclose"}}}, `config: resources[0] (Rows): type "Rows" is not a package-qualified named type`},
	} {
		err := test.c.Apply()
		if err == nil || !strings.HasPrefix(err.Error(), test.want) {
			t.Errorf("Apply(%+v): got error %v, want one starting %q", test.c, err, test.want)
		}
	}
}

func TestAnalyzers(t *testing.T) {
	testutil.RestoreState(t, analyzer.Suite)
	suite := slices.Clone(analyzer.Suite)
	got, err := analyzer.Analyzers(&analyzer.Config{Disable: []string{"rowscan", "sqlrowserr"}})
	if err != nil {
		t.Fatal(err)
	}
	want := slices.DeleteFunc(slices.Clone(suite), func(a *analysis.Analyzer) bool {
		return a.Name == "rowscan" || a.Name == "sqlrowserr"
	})
	if !slices.Equal(got, want) {
		t.Errorf("Analyzers = %v, want %v", names(got), names(want))
	}
	if !slices.Equal(analyzer.Suite, suite) {
		t.Errorf("Analyzers changed Suite to %v", names(analyzer.Suite))
	}
	if got, err := analyzer.Analyzers(nil); err != nil || !slices.Equal(got, suite) {
		t.Errorf("Analyzers(nil) = %v, %v; want the suite", names(got), err)
	}
	if got, err := analyzer.Analyzers(&analyzer.Config{Disable: []string{"nosuch"}}); err == nil {
		t.Errorf("Analyzers with an unknown check disabled = %v, want an error", names(got))
	}
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}
