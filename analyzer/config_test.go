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
	"golang.org/x/tools/go/analysis/passes/sqlrowserr"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/passes/ownership"
)

// flagValue returns the value of the flag of the named check of as.
func flagValue(t *testing.T, as []*analysis.Analyzer, check, name string) string {
	t.Helper()
	for _, a := range as {
		if a.Name == check {
			if f := a.Flags.Lookup(name); f != nil {
				return f.Value.String()
			}
		}
	}
	t.Fatalf("no flag -%s.%s", check, name)
	return ""
}

// newSet is analyzer.New that fails the test on an error.
func newSet(t *testing.T, c *analyzer.Config) *analyzer.Set {
	t.Helper()
	s, err := analyzer.New(c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var sqlxRows = ownership.Spec{
	Type:    "*github.com/jmoiron/sqlx.Rows",
	Check:   "rowsclose",
	Acquire: []string{"(*github.com/jmoiron/sqlx.DB).Queryx"},
	Release: []string{"Close"},
}

// strictChecks returns the names of the checks with a strict flag.
func strictChecks(t *testing.T) []string {
	var strict []string
	for _, a := range analyzer.Suite {
		if a.Flags.Lookup("strict") != nil {
			strict = append(strict, a.Name)
		}
	}
	if len(strict) == 0 {
		t.Fatal("no check has a strict flag")
	}
	return strict
}

// TestNewStrict: strict sets the strict flag of every check of the set,
// and of no other set.
func TestNewStrict(t *testing.T) {
	t.Parallel()
	set := newSet(t, &analyzer.Config{Strict: true})
	for _, name := range strictChecks(t) {
		if got := flagValue(t, set.All, name, "strict"); got != "true" {
			t.Errorf("-%s.strict = %s in the strict set, want true", name, got)
		}
		if got := flagValue(t, analyzer.Suite, name, "strict"); got != "false" {
			t.Errorf("-%s.strict = %s in the default suite, want false", name, got)
		}
	}
}

// TestFlagsOverride: the flags start from the configuration, and the
// command line, which sets them afterwards, overrides it.
func TestFlagsOverride(t *testing.T) {
	t.Parallel()
	set := newSet(t, &analyzer.Config{Strict: true})
	name := strictChecks(t)[0]
	i := slices.IndexFunc(set.All, func(a *analysis.Analyzer) bool { return a.Name == name })
	if err := set.All[i].Flags.Set("strict", "false"); err != nil {
		t.Fatal(err)
	}
	if got := flagValue(t, set.All, name, "strict"); got != "false" {
		t.Errorf("-%s.strict = %s after the command line set it to false, want false", name, got)
	}
}

func TestNewPoolPolicy(t *testing.T) {
	t.Parallel()
	set := newSet(t, &analyzer.Config{PoolPolicy: analyzer.PoolPolicy{
		Enforce: true,
		Allow:   []string{"example.com/internal/db/...", "example.com/cmd/migrate"},
	}})
	if got := flagValue(t, set.All, "poolpolicy", "enforce"); got != "true" {
		t.Errorf("-poolpolicy.enforce = %s, want true", got)
	}
	if got, want := flagValue(t, set.All, "poolpolicy", "allow"), "example.com/internal/db/...,example.com/cmd/migrate"; got != want {
		t.Errorf("-poolpolicy.allow = %s, want %s", got, want)
	}
	if got := flagValue(t, analyzer.Suite, "poolpolicy", "enforce"); got != "false" {
		t.Errorf("-poolpolicy.enforce = %s in the default suite, want false", got)
	}
}

func TestNewResources(t *testing.T) {
	t.Parallel()
	c := &analyzer.Config{Resources: []ownership.Spec{sqlxRows}}
	set := newSet(t, c)
	if got := set.Resources(); !reflect.DeepEqual(got, c.Resources) {
		t.Errorf("resources %+v, want %+v", got, c.Resources)
	}
	// -ownership.resource adds to them.
	cursor := `{"type":"*example.com/db.Cursor","check":"rowsclose","acquire":["example.com/db.Open"],"release":["Close"]}`
	i := slices.IndexFunc(set.All, func(a *analysis.Analyzer) bool { return a.Name == "ownership" })
	if err := set.All[i].Flags.Set("resource", cursor); err != nil {
		t.Fatal(err)
	}
	if got := set.Resources(); len(got) != 2 || got[1].Type != "*example.com/db.Cursor" {
		t.Errorf("resources %+v after -ownership.resource, want sqlx's rows and the cursor", got)
	}
	// Another set has its own.
	if got := newSet(t, nil).Resources(); len(got) != 0 {
		t.Errorf("resources %+v of a set with no configuration, want none", got)
	}
}

// TestNewBadResource: an invalid resource of a configuration file is
// an error naming its line.
func TestNewBadResource(t *testing.T) {
	t.Parallel()
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
	_, err = analyzer.New(c)
	want := name + `:6: resources[1] (*example.com/db.Stmt): unknown check "stmtclos"; one of `
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got error\n\t%v\nwant one starting\n\t%s", err, want)
	}
}

// TestNewErrors: the errors of a configuration not read from a file
// (golangci-lint's settings) name the key.
func TestNewErrors(t *testing.T) {
	t.Parallel()
	for _, test := range []struct {
		c    *analyzer.Config
		want string // a prefix
	}{
		{&analyzer.Config{Disable: []string{"rowsclose", "txEnd"}}, `disable[1]: unknown check "txEnd"`},
		{&analyzer.Config{PoolPolicy: analyzer.PoolPolicy{Allow: []string{"a,b"}}}, `pool-policy.allow[0]: "a,b" is not a package pattern`},
		{&analyzer.Config{PoolPolicy: analyzer.PoolPolicy{Allow: []string{"x/.../y"}}}, `pool-policy.allow[0]: bad package pattern "x/.../y"`},
		{&analyzer.Config{Resources: []ownership.Spec{{Type: "Rows", Check: "rowsclose"}}}, `config: resources[0] (Rows): type "Rows" is not a package-qualified named type`},
	} {
		_, err := analyzer.New(test.c)
		if err == nil || !strings.HasPrefix(err.Error(), test.want) {
			t.Errorf("New(%+v): got error %v, want one starting %q", test.c, err, test.want)
		}
	}
}

// TestNew: a set has every check of the suite, in its order, as
// instances of its own (but sqlrowserr, which has no settings), and
// enables those that the configuration does not disable.
func TestNew(t *testing.T) {
	t.Parallel()
	set := newSet(t, &analyzer.Config{Disable: []string{"rowscan", "sqlrowserr"}})
	if !slices.Equal(names(set.All), names(analyzer.Suite)) {
		t.Errorf("All = %v, want the suite %v", names(set.All), names(analyzer.Suite))
	}
	for i, a := range set.All {
		if a == analyzer.Suite[i] && a != sqlrowserr.Analyzer {
			t.Errorf("%s is the default suite's instance, want one of its own", a.Name)
		}
	}
	want := slices.DeleteFunc(slices.Clone(set.All), func(a *analysis.Analyzer) bool {
		return a.Name == "rowscan" || a.Name == "sqlrowserr"
	})
	if !slices.Equal(set.Enabled, want) {
		t.Errorf("Enabled = %v, want %v", names(set.Enabled), names(want))
	}
	if s := newSet(t, nil); !slices.Equal(s.Enabled, s.All) {
		t.Errorf("New(nil) enables %v, want the whole suite", names(s.Enabled))
	}
	if got, err := analyzer.New(&analyzer.Config{Disable: []string{"nosuch"}}); err == nil {
		t.Errorf("New with an unknown check disabled = %v, want an error", names(got.Enabled))
	}
	if err := analysis.Validate(set.All); err != nil {
		t.Errorf("the set is not valid: %v", err)
	}
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}
