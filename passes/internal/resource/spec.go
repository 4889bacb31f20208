// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package resource

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A Spec describes a user-defined resource: sqlx's rows, an
// sqlc-generated querier's results, an in-house wrapper. It is the
// schema of the "resources" entries of the configuration file and of the
// golangci-lint settings, and of the -ownership.resource flag (as JSON).
type Spec struct {
	// Type is the resource type as TypeKey prints it, for example
	// "*github.com/jmoiron/sqlx.Rows".
	Type string `json:"type"`
	// Check names the check that reports its leaks: one of LeakChecks.
	Check string `json:"check"`
	// Noun names the resource in messages; the check's noun by default.
	Noun string `json:"noun,omitempty"`
	// Acquire lists the functions and methods whose first result of
	// type Type is a fresh resource, by their [go/types.Func.FullName]:
	// "(*github.com/jmoiron/sqlx.DB).Queryx", "example.com/db.Open".
	Acquire []string `json:"acquire"`
	// Release lists the methods of Type that release it: ["Close"].
	Release []string `json:"release"`
	// ReleaseFunctions lists the functions that release one of their
	// arguments as a side effect.
	ReleaseFunctions []ReleaseFunc `json:"release-functions,omitempty"`
}

// A ReleaseFunc is a function that releases its argument Arg (counting
// from 0, the receiver first for a method).
type ReleaseFunc struct {
	Function string `json:"function"`
	Arg      int    `json:"arg"`
}

// LeakChecks are the checks that report leaked resources, each with the
// noun and missing action its messages use by default.
var LeakChecks = map[string]struct{ Noun, Missing string }{
	"rowsclose":   {"rows", "closed"},
	"rowscan":     {"row", "scanned"},
	"connrelease": {"connection", "released"},
	"txend":       {"transaction", "committed or rolled back"},
	"stmtclose":   {"statement", "closed"},
	"batchclose":  {"batch results", "closed"},
}

// Default is the model every analysis of the process uses: the built-in
// table plus the user's resources, as set by [Configure]. The pointer
// never changes, so that packages may keep it in a variable.
var Default = Builtin()

// Configure validates specs and makes Default the built-in table plus
// specs. It must be called before any analysis starts. An invalid entry
// is an error naming the entry, and leaves Default unchanged.
func Configure(specs []Spec) error {
	m, err := New(specs)
	if err != nil {
		return err
	}
	*Default = *m
	return nil
}

// New returns the model of the built-in table plus specs. An invalid
// entry is an error naming the entry.
func New(specs []Spec) (*Model, error) {
	m := Builtin()
	for i, s := range specs {
		if err := m.add(s); err != nil {
			return nil, fmt.Errorf("config: resources[%d] (%s): %v", i, s.Type, err)
		}
	}
	return m, nil
}

// Specs returns the user-defined resources of the model.
func (m *Model) Specs() []Spec { return m.specs }

// add adds the user-defined resource s to m.
func (m *Model) add(s Spec) error {
	if _, _, ok := SplitType(s.Type); !ok {
		return fmt.Errorf("type %q is not a package-qualified named type such as \"*example.com/db.Rows\"", s.Type)
	}
	if slices.ContainsFunc(m.specs, func(o Spec) bool { return o.Type == s.Type }) {
		return fmt.Errorf("type %s is already configured", s.Type)
	}
	if t := m.types[s.Type]; t != nil && !configurable(s.Type) {
		return fmt.Errorf("type %s is already a resource", s.Type)
	}
	defaults, ok := LeakChecks[s.Check]
	if !ok {
		return fmt.Errorf("unknown check %q; one of %s", s.Check, strings.Join(leakCheckNames(), ", "))
	}
	if len(s.Acquire) == 0 {
		return fmt.Errorf("acquire lists no function")
	}
	if len(s.Release) == 0 && len(s.ReleaseFunctions) == 0 {
		return fmt.Errorf("neither release nor release-functions is given")
	}
	for _, name := range s.Release {
		if !isIdent(name) {
			return fmt.Errorf("release %q is not a method name", name)
		}
	}
	if builtin := m.types[s.Type]; builtin != nil {
		return m.extend(builtin, s)
	}
	t := &Type{
		Key:      s.Type,
		Check:    s.Check,
		Noun:     cmp.Or(s.Noun, defaults.Noun),
		Releases: slices.Clone(s.Release),
		Missing:  defaults.Missing,
		Fix:      "release %s on every path (" + strings.Join(s.Release, " or ") + ")",
	}
	if len(s.Release) > 0 {
		t.Fix = fmt.Sprintf("defer %%s.%s() after the error check", s.Release[0])
	}
	if err := m.addFuncs(s); err != nil {
		return err
	}
	pkg, _, _ := SplitType(s.Type)
	m.types[s.Type] = t
	m.roots = append(m.roots, pkg)
	m.specs = append(m.specs, s)
	return nil
}

// addFuncs adds the acquiring and releasing functions of s.
func (m *Model) addFuncs(s Spec) error {
	for _, fn := range s.Acquire {
		if _, _, ok := SplitFunc(fn); !ok {
			return fmt.Errorf("acquire %q is not a function name such as \"example.com/db.Open\" or \"(*example.com/db.DB).Query\"", fn)
		}
		m.acquirers[fn] = s.Type
	}
	for _, rf := range s.ReleaseFunctions {
		if _, _, ok := SplitFunc(rf.Function); !ok {
			return fmt.Errorf("release-functions %q is not a function name", rf.Function)
		}
		if rf.Arg < 0 {
			return fmt.Errorf("release-functions %s: arg %d is negative", rf.Function, rf.Arg)
		}
		m.releasers[rf.Function] = rf.Arg
	}
	return nil
}

// SplitType splits a type key into its package path and type name.
func SplitType(key string) (pkg, name string, ok bool) {
	key = strings.TrimPrefix(key, "*")
	i := strings.LastIndex(key, ".")
	if i <= 0 || strings.HasSuffix(key[:i], "/") || !isIdent(key[i+1:]) {
		return "", "", false
	}
	return key[:i], key[i+1:], true
}

// SplitFunc splits a [go/types.Func.FullName] into the package path of
// the function and the rest: "Open" for a function, "DB.Query" for a
// method (the receiver type's name, a dot, the method's name).
func SplitFunc(full string) (pkg, name string, ok bool) {
	if rest, found := strings.CutPrefix(full, "("); found {
		recv, method, found := strings.Cut(rest, ").")
		if !found || !isIdent(method) {
			return "", "", false
		}
		pkg, typ, ok := SplitType(recv)
		return pkg, typ + "." + method, ok
	}
	return SplitType(full)
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r >= 0x80
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}

func leakCheckNames() []string {
	names := make([]string, 0, len(LeakChecks))
	for n := range LeakChecks {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// configurable reports whether a built-in type may still be configured:
// sqlx's and pgx v4's, which users described in their configuration
// before they were built in. Such an entry adds to the built-in
// contract instead of being an error.
func configurable(key string) bool {
	for _, table := range [][]Type{sqlxTypes, pgxV4Types} {
		for _, t := range table {
			if t.Key == key {
				return true
			}
		}
	}
	return false
}

// extend adds the user's entry s to the built-in type t: its acquiring
// functions, releasing methods and functions, and its noun.
func (m *Model) extend(t *Type, s Spec) error {
	ext := *t
	ext.Releases = slices.Clone(t.Releases)
	for _, r := range s.Release {
		if !slices.Contains(ext.Releases, r) {
			ext.Releases = append(ext.Releases, r)
		}
	}
	if s.Noun != "" {
		ext.Noun = s.Noun
	}
	if err := m.addFuncs(s); err != nil {
		return err
	}
	m.types[s.Type] = &ext
	m.specs = append(m.specs, s)
	return nil
}
