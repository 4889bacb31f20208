// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package golangci_test

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/golangci"
)

// The examples at the root of the repository, which users copy.
const (
	exampleConfig = "../.golangci.example.yml"
	exampleBuild  = "../.custom-gcl.example.yml"
)

// settingsPath locates the linter's settings in .golangci.example.yml.
var settingsPath = []string{"linters", "settings", "custom", golangci.Name, "settings"}

// TestExampleConfig builds the plugin from the settings of
// .golangci.example.yml, as golangci-lint would, so that the example
// cannot drift from the schema.
func TestExampleConfig(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(exampleConfig)
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Version string `yaml:"version"`
		Linters struct {
			Default  string   `yaml:"default"`
			Enable   []string `yaml:"enable"`
			Settings struct {
				Custom map[string]struct {
					Type        string `yaml:"type"`
					Description string `yaml:"description"`
					OriginalURL string `yaml:"original-url"`
					Settings    any    `yaml:"settings"`
				} `yaml:"custom"`
			} `yaml:"settings"`
		} `yaml:"linters"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Version != "2" || !slices.Contains(cfg.Linters.Enable, golangci.Name) {
		t.Errorf("version %q, enabled linters %v; want golangci-lint v2's \"2\" and %s enabled", cfg.Version, cfg.Linters.Enable, golangci.Name)
	}
	linter, ok := cfg.Linters.Settings.Custom[golangci.Name]
	if !ok {
		t.Fatalf("no linters.settings.custom.%s", golangci.Name)
	}
	if linter.Type != "module" || linter.OriginalURL != "github.com/dbleaklint/dbleaklint" || linter.Description == "" {
		t.Errorf("linter entry %+v; want type module, a description and the module as original-url", linter)
	}

	got, err := build(t, linter.Settings)
	if err != nil {
		t.Fatalf("building the plugin from the example's settings: %v", err)
	}
	// What the plugin did with the settings: the disabled checks are
	// gone, the resources installed.
	settings := linter.Settings.(map[string]any)
	for _, name := range settings["disable"].([]any) {
		if slices.Contains(names(got), name.(string)) {
			t.Errorf("the example disables %s, which the plugin still runs", name)
		}
	}
	if n, got := len(settings["resources"].([]any)), len(resources(t, got)); got != n {
		t.Errorf("the plugin has %d resources, want the example's %d", got, n)
	}
}

// TestExampleSettingsAreAConfigFile: the linter's settings, written to
// a file, are a valid .dbleaklint.yml, as the guide says.
func TestExampleSettingsAreAConfigFile(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(exampleConfig)
	if err != nil {
		t.Fatal(err)
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	b := new(yaml.PathBuilder).Root()
	for _, key := range settingsPath {
		b = b.Child(key)
	}
	node, err := b.Build().FilterFile(file)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), analyzer.ConfigFileName)
	if err := os.WriteFile(name, []byte(node.String()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := analyzer.ReadConfigFile(name)
	if err != nil {
		t.Fatalf("the example's settings are not a valid configuration file: %v", err)
	}

	// And the file configures the checks as the plugin does.
	fromFile, err := analyzer.New(c)
	if err != nil {
		t.Fatal(err)
	}
	var settings any
	if err := yaml.Unmarshal([]byte(node.String()), &settings); err != nil {
		t.Fatal(err)
	}
	fromPlugin, err := build(t, settings)
	if err != nil {
		t.Fatal(err)
	}
	if f, p := flags(fromFile.Enabled), flags(fromPlugin); !maps.Equal(f, p) {
		t.Errorf("the checks' settings differ:\nfrom the file:   %v\nfrom the plugin: %v", f, p)
	}
	if !slices.Equal(names(fromFile.Enabled), names(fromPlugin)) {
		t.Errorf("enabled checks differ: from the file %v, from the plugin %v", names(fromFile.Enabled), names(fromPlugin))
	}
}

// TestExampleConfigDocumentsEveryKey: every key of analyzer.Config,
// nested ones included, is in the example's settings, with a comment
// above it that gives its default (or says it is required).
func TestExampleConfigDocumentsEveryKey(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(exampleConfig)
	if err != nil {
		t.Fatal(err)
	}
	file, err := parser.ParseBytes(data, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for _, key := range configKeys(reflect.TypeFor[analyzer.Config](), nil) {
		line := keyLine(t, file, slices.Concat(toAny(settingsPath), key))
		if line == 0 {
			t.Errorf("the example's settings lack %s", keyString(key))
			continue
		}
		// The comment lines right above the key's line.
		var comment []string
		for i := line - 2; i >= 0; i-- {
			l := strings.TrimSpace(lines[i])
			if !strings.HasPrefix(l, "#") {
				break
			}
			comment = append(comment, l)
		}
		if text := strings.Join(comment, " "); !strings.Contains(text, "Default:") && !strings.Contains(text, "Required.") {
			t.Errorf("%s, line %d of the example, has no comment above it saying its default (\"Default: ...\") or \"Required.\"", keyString(key), line)
		}
	}
}

// configKeys returns the paths of the JSON keys of the struct type t,
// nested structs included, a list's elements at index 0.
func configKeys(t reflect.Type, prefix []any) [][]any {
	var out [][]any
	for _, f := range reflect.VisibleFields(t) {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || f.Anonymous || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		key := append(slices.Clone(prefix), name)
		out = append(out, key)
		ft := f.Type
		if ft.Kind() == reflect.Slice {
			ft = ft.Elem()
			key = append(key, 0)
		}
		if ft.Kind() == reflect.Struct {
			out = append(out, configKeys(ft, key)...)
		}
	}
	return out
}

// keyLine returns the line of the key at path (strings for keys, ints
// for list indexes) in file, or 0 if there is none.
func keyLine(t *testing.T, file *ast.File, path []any) int {
	t.Helper()
	b := new(yaml.PathBuilder).Root()
	for _, e := range path[:len(path)-1] {
		switch e := e.(type) {
		case string:
			b = b.Child(e)
		case int:
			b = b.Index(uint(e))
		}
	}
	parent, err := b.Build().FilterFile(file)
	if err != nil {
		return 0
	}
	var values []*ast.MappingValueNode
	switch n := parent.(type) {
	case *ast.MappingNode:
		values = n.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{n}
	}
	for _, v := range values {
		if tok := v.Key.GetToken(); tok != nil && tok.Value == path[len(path)-1] {
			return tok.Position.Line
		}
	}
	return 0
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, e := range s {
		out[i] = e
	}
	return out
}

// keyString formats a key's path as configuration errors do,
// "resources[0].release-functions[0].arg".
func keyString(path []any) string {
	var b strings.Builder
	for _, e := range path {
		switch e := e.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(e)
		case int:
			b.WriteString("[0]")
		}
	}
	return b.String()
}

// TestExampleBuild: .custom-gcl.example.yml builds dbleaklint's plugin
// package, from a clone, into the golangci-lint version that make
// custom-gcl and the end-to-end test build.
func TestExampleBuild(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(exampleBuild)
	if err != nil {
		t.Fatal(err)
	}
	// The schema of .custom-gcl.yml, which golangci-lint checks
	// against a JSON schema with no additional properties.
	var build struct {
		Version     string `yaml:"version"`
		Name        string `yaml:"name"`
		Destination string `yaml:"destination"`
		Plugins     []struct {
			Module  string `yaml:"module"`
			Import  string `yaml:"import"`
			Version string `yaml:"version"`
			Path    string `yaml:"path"`
		} `yaml:"plugins"`
	}
	if err := yaml.UnmarshalWithOptions(data, &build, yaml.DisallowUnknownField()); err != nil {
		t.Fatal(err)
	}
	const module = "github.com/dbleaklint/dbleaklint"
	// No release exists: the plugin comes from a clone (path:), not
	// from a version that go get would fail to find.
	if len(build.Plugins) != 1 || build.Plugins[0].Module != module || build.Plugins[0].Import != module+"/golangci" || build.Plugins[0].Path == "" || build.Plugins[0].Version != "" {
		t.Errorf("plugins %+v; want one, module %s, import %s/golangci, a path and no version", build.Plugins, module, module)
	}
	script, err := os.ReadFile("../scripts/custom-gcl.sh")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^gcl_version=(\S+)$`).FindSubmatch(script)
	if m == nil {
		t.Fatal("scripts/custom-gcl.sh sets no gcl_version")
	}
	if build.Version != string(m[1]) {
		t.Errorf("the example builds golangci-lint %s; scripts/custom-gcl.sh builds %s", build.Version, m[1])
	}
}
