// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package golangci_test

import (
	"encoding/json"
	"flag"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/analyzer"
	_ "github.com/dbleaklint/dbleaklint/golangci"
	"github.com/dbleaklint/dbleaklint/passes/ownership"
)

// build builds the analyzers of the registered plugin the way
// golangci-lint does, from settings as its configuration loader
// produces them (maps of string keys, lists of any).
func build(t *testing.T, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin("dbleaklint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

// resources returns the user-defined resources of the analyzers as,
// from the ownership analyzer's -resource flag.
func resources(t *testing.T, as []*analysis.Analyzer) []ownership.Spec {
	t.Helper()
	i := slices.IndexFunc(as, func(a *analysis.Analyzer) bool { return a.Name == "ownership" })
	if i < 0 {
		t.Fatal("no ownership analyzer")
	}
	var specs []ownership.Spec
	dec := json.NewDecoder(strings.NewReader(as[i].Flags.Lookup("resource").Value.String()))
	for dec.More() {
		var s ownership.Spec
		if err := dec.Decode(&s); err != nil {
			t.Fatal(err)
		}
		specs = append(specs, s)
	}
	return specs
}

// flags returns the value of every flag of as, by -CHECK.FLAG.
func flags(as []*analysis.Analyzer) map[string]string {
	m := make(map[string]string)
	for _, a := range as {
		a.Flags.VisitAll(func(f *flag.Flag) { m[a.Name+"."+f.Name] = f.Value.String() })
	}
	return m
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func TestNoSettings(t *testing.T) {
	t.Parallel()
	got, err := build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(names(got), names(analyzer.Suite)) {
		t.Errorf("analyzers %v, want the suite %v", names(got), names(analyzer.Suite))
	}
	// golangci-lint validates the analyzers before running them: each
	// fact type must be registered by one analyzer only, so the copies
	// that drop related information must not copy the fact producer.
	if err := analysis.Validate(got); err != nil {
		t.Errorf("golangci-lint would refuse the analyzers: %v", err)
	}
}

func TestSettings(t *testing.T) {
	t.Parallel()
	settings := map[string]any{
		"strict":  true,
		"disable": []any{"rowscan"},
		"resources": []any{map[string]any{
			"type":    "*github.com/jmoiron/sqlx.Rows",
			"check":   "rowsclose",
			"acquire": []any{"(*github.com/jmoiron/sqlx.DB).Queryx"},
			"release": []any{"Close"},
			"release-functions": []any{map[string]any{
				"function": "example.com/db.CloseRows",
				"arg":      0,
			}},
		}},
	}
	got, err := build(t, settings)
	if err != nil {
		t.Fatal(err)
	}
	want := slices.DeleteFunc(names(analyzer.Suite), func(n string) bool { return n == "rowscan" })
	if !slices.Equal(names(got), want) {
		t.Errorf("analyzers %v, want %v", names(got), want)
	}
	for _, a := range got {
		if f := a.Flags.Lookup("strict"); f != nil && f.Value.String() != "true" {
			t.Errorf("-%s.strict = %s, want true", a.Name, f.Value)
		}
	}
	// The plugin's analyzers are its own: the default suite is as it was.
	for _, a := range analyzer.Suite {
		if f := a.Flags.Lookup("strict"); f != nil && f.Value.String() != "false" {
			t.Errorf("the default suite's -%s.strict = %s, want false", a.Name, f.Value)
		}
	}
	wantSpecs := []ownership.Spec{{
		Type:             "*github.com/jmoiron/sqlx.Rows",
		Check:            "rowsclose",
		Acquire:          []string{"(*github.com/jmoiron/sqlx.DB).Queryx"},
		Release:          []string{"Close"},
		ReleaseFunctions: []ownership.ReleaseFunc{{Function: "example.com/db.CloseRows", Arg: 0}},
	}}
	if got := resources(t, got); !reflect.DeepEqual(got, wantSpecs) {
		t.Errorf("resources %+v, want %+v", got, wantSpecs)
	}
}

// TestSettingsErrors: a bad setting is one line that says which.
func TestSettingsErrors(t *testing.T) {
	t.Parallel()
	for _, test := range []struct {
		name     string
		settings map[string]any
		want     string // a prefix
	}{
		{
			"unknown key",
			map[string]any{"strikt": true},
			`settings: unknown key "strikt"; the keys are strict, disable, resources, pool-policy`,
		},
		{
			// encoding/json would take "Strict" for "strict".
			"case",
			map[string]any{"Strict": true},
			`settings: unknown key "Strict"`,
		},
		{
			"unknown nested key",
			map[string]any{"resources": []any{
				map[string]any{"type": "*example.com/db.Rows"},
				map[string]any{"type": "*example.com/db.Stmt", "relase": []any{"Close"}},
			}},
			`settings: unknown key "relase" in resources[1]; the keys are type, check, noun, acquire, release, release-functions`,
		},
		{
			"unknown key in a release function",
			map[string]any{"resources": []any{map[string]any{
				"release-functions": []any{map[string]any{"func": "example.com/db.Close"}},
			}}},
			`settings: unknown key "func" in resources[0].release-functions[0]`,
		},
		{
			"unknown key in pool-policy",
			map[string]any{"pool-policy": map[string]any{"enforced": true}},
			`settings: unknown key "enforced" in pool-policy; the keys are enforce, allow`,
		},
		{
			"wrong type",
			map[string]any{"disable": "rowscan"},
			`settings: decoding settings: json: cannot unmarshal string into Go struct field Config.disable of type []string`,
		},
		{
			"unknown check",
			map[string]any{"disable": []any{"rowclose"}},
			`settings: disable[0]: unknown check "rowclose"`,
		},
		{
			"bad resource",
			map[string]any{"resources": []any{map[string]any{"type": "*example.com/db.Rows", "check": "rowsclose"}}},
			`settings: config: resources[0] (*example.com/db.Rows): acquire lists no function`,
		},
	} {
		t.Run(test.name, func(t *testing.T) {
			got, err := build(t, test.settings)
			if err == nil {
				t.Fatalf("got analyzers %v, want an error", names(got))
			}
			if msg := err.Error(); !strings.HasPrefix(msg, test.want) || strings.Contains(msg, "\n") {
				t.Errorf("got error\n\t%s\nwant one line starting\n\t%s", msg, test.want)
			}
		})
	}
}
