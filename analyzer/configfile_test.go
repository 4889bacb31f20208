// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package analyzer_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/passes/ownership"
)

// writeConfig writes content to a .dbleaklint.yml in a fresh directory
// and returns its name.
func writeConfig(t *testing.T, content string) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), analyzer.ConfigFileName)
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestReadConfigFile(t *testing.T) {
	t.Parallel()
	name := writeConfig(t, `# every key
strict: true
disable: [rowscan, sqlrowserr]
resources:
  - type: "*github.com/jmoiron/sqlx.Rows"
    check: rowsclose
    noun: sqlx rows
    acquire:
      - (*github.com/jmoiron/sqlx.DB).Queryx
      - (*github.com/jmoiron/sqlx.Tx).Queryx
    release: [Close]
    release-functions:
      - function: example.com/db.CloseRows
        arg: 0
pool-policy:
  enforce: true
  allow: [example.com/internal/db/...]
`)
	c, err := analyzer.ReadConfigFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Strict {
		t.Error("Strict = false, want true")
	}
	if want := []string{"rowscan", "sqlrowserr"}; !reflect.DeepEqual(c.Disable, want) {
		t.Errorf("Disable = %q, want %q", c.Disable, want)
	}
	wantSpecs := []ownership.Spec{{
		Type:    "*github.com/jmoiron/sqlx.Rows",
		Check:   "rowsclose",
		Noun:    "sqlx rows",
		Acquire: []string{"(*github.com/jmoiron/sqlx.DB).Queryx", "(*github.com/jmoiron/sqlx.Tx).Queryx"},
		Release: []string{"Close"},
		ReleaseFunctions: []ownership.ReleaseFunc{
			{Function: "example.com/db.CloseRows", Arg: 0},
		},
	}}
	if !reflect.DeepEqual(c.Resources, wantSpecs) {
		t.Errorf("Resources = %+v, want %+v", c.Resources, wantSpecs)
	}
	wantPolicy := analyzer.PoolPolicy{Enforce: true, Allow: []string{"example.com/internal/db/..."}}
	if !reflect.DeepEqual(c.PoolPolicy, wantPolicy) {
		t.Errorf("PoolPolicy = %+v, want %+v", c.PoolPolicy, wantPolicy)
	}
}

// TestReadConfigFileEmpty: a file without a document configures nothing.
func TestReadConfigFileEmpty(t *testing.T) {
	t.Parallel()
	for _, content := range []string{"", "# nothing yet\n"} {
		c, err := analyzer.ReadConfigFile(writeConfig(t, content))
		if err != nil {
			t.Errorf("%q: %v", content, err)
			continue
		}
		if c.Strict || c.Disable != nil || c.Resources != nil || c.PoolPolicy.Enforce || c.PoolPolicy.Allow != nil {
			t.Errorf("%q: got %+v, want the zero configuration", content, c)
		}
	}
}

// TestReadConfigFileErrors: every error is one line that names the
// file, the line and what is wrong.
func TestReadConfigFileErrors(t *testing.T) {
	t.Parallel()
	for _, test := range []struct {
		name, content string
		want          string // after "FILE:"
	}{
		{
			"malformed",
			"strict: true\ndisable: [rowsclose\n",
			`2: sequence end token ']' not found`,
		},
		{
			"unknown key",
			"strict: true\n\nstrikt: true\n",
			`3: unknown key "strikt"`,
		},
		{
			"unknown nested key",
			"resources:\n  - type: \"*example.com/db.Rows\"\n    check: rowsclose\n    relase: [Close]\n",
			`4: unknown key "relase"`,
		},
		{
			"wrong type",
			"strict: yes please\n",
			`1: "yes please" is not a boolean (true or false)`,
		},
		{
			"wrong nested type",
			"resources:\n  - type: \"*example.com/db.Rows\"\n    release-functions:\n      - function: example.com/db.Close\n        arg: first\n",
			`5: "first" is not an integer`,
		},
		{
			"not a mapping",
			"- strict\n",
			`1: sequence was used where mapping is expected`,
		},
		{
			"duplicate key",
			"strict: true\nstrict: false\n",
			`2: mapping key "strict" already defined at [1:1]`,
		},
		{
			"two documents",
			"strict: true\n---\nstrict: false\n",
			`2: a second YAML document; the configuration is one document`,
		},
		{
			"unknown check",
			"disable:\n  - rowscan\n  - rowclose\n",
			`3: disable[1]: unknown check "rowclose"; the checks are ` + strings.Join(suiteNames(), ", "),
		},
		{
			"bad package pattern",
			"pool-policy:\n  allow:\n    - \"\"\n",
			`3: pool-policy.allow[0]: "" is not a package pattern such as "example.com/internal/db/..."`,
		},
	} {
		t.Run(test.name, func(t *testing.T) {
			name := writeConfig(t, test.content)
			c, err := analyzer.ReadConfigFile(name)
			if err == nil {
				t.Fatalf("got %+v, want an error", c)
			}
			if got, want := err.Error(), name+":"+test.want; got != want {
				t.Errorf("got error\n\t%s\nwant\n\t%s", got, want)
			}
		})
	}
}

func TestReadConfigFileMissing(t *testing.T) {
	t.Parallel()
	name := filepath.Join(t.TempDir(), "absent.yml")
	_, err := analyzer.ReadConfigFile(name)
	if err == nil || !strings.Contains(err.Error(), name) || !os.IsNotExist(err) {
		t.Errorf("got error %v, want a not-exist error naming %s", err, name)
	}
}

func TestFindConfigFile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	// A directory with the file's name is not a configuration file.
	if err := os.MkdirAll(filepath.Join(root, "a", "b", analyzer.ConfigFileName), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(root, "a", analyzer.ConfigFileName)
	if err := os.WriteFile(want, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{deep, filepath.Join(root, "a"), filepath.Join(root, "a", "b")} {
		if got, ok := analyzer.FindConfigFile(dir); !ok || got != want {
			t.Errorf("FindConfigFile(%s) = %q, %v; want %q, true", dir, got, ok, want)
		}
	}
	// Above the file, the search goes up, away from it.
	if got, ok := analyzer.FindConfigFile(root); ok && strings.HasPrefix(got, root) {
		t.Errorf("FindConfigFile(%s) = %q, want nothing under %s", root, got, root)
	}
}

// TestFindConfigFileRelative: a relative directory is resolved from the
// working directory.
func TestFindConfigFileRelative(t *testing.T) {
	root := t.TempDir()
	want := filepath.Join(root, analyzer.ConfigFileName)
	if err := os.WriteFile(want, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(root, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	if got, ok := analyzer.FindConfigFile("sub"); !ok || got != want {
		t.Errorf(`FindConfigFile("sub") = %q, %v; want %q, true`, got, ok, want)
	}
}

func suiteNames() []string {
	var names []string
	for _, a := range analyzer.Suite {
		names = append(names, a.Name)
	}
	return names
}
