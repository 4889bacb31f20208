// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package analyzer

import (
	"errors"
	"flag"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/ownership"
)

// A Config is the user's configuration of dbleaklint. One schema serves
// the configuration file (.dbleaklint.yml, see [ReadConfigFile]) and
// the settings of the golangci-lint plugin, which golangci-lint hands
// over as decoded YAML and the plugin decodes through JSON: hence the
// json tags, which the YAML decoder honors too. Keys are kebab-case and
// there are no maps keyed by user-chosen names, because golangci-lint
// lower-cases map keys.
type Config struct {
	// Strict sets every check's -CHECK.strict flag.
	Strict bool `json:"strict,omitempty"`
	// Disable names checks to turn off.
	Disable []string `json:"disable,omitempty"`
	// Resources are user-defined resources, added to the built-in table.
	Resources []ownership.Spec `json:"resources,omitempty"`
	// PoolPolicy configures the poolpolicy check.
	PoolPolicy PoolPolicy `json:"pool-policy,omitempty"`

	// origin locates the values of a configuration read from a file,
	// so that errors found after decoding name a line too; nil for a
	// configuration from elsewhere.
	origin *origin
}

// PoolPolicy configures the poolpolicy check.
type PoolPolicy struct {
	// Enforce sets -poolpolicy.enforce: report raw pgxpool acquisition
	// outside the packages of Allow.
	Enforce bool `json:"enforce,omitempty"`
	// Allow sets -poolpolicy.allow: package patterns, a "/..." suffix
	// standing for the subtree.
	Allow []string `json:"allow,omitempty"`
}

// Apply validates c, then sets the flags of the analyzers of [Suite]
// that c sets and installs c's resources with [ownership.Configure].
// Flags that c leaves at their zero value keep their value, so that a
// driver that applies the configuration before parsing its command line
// lets the command line override the file.
//
// The analyzers' flags are process-wide: Apply must be called before
// any analysis starts. A nil c does nothing.
func (c *Config) Apply() error {
	if c == nil {
		return nil
	}
	if err := c.validate(); err != nil {
		return err
	}
	var sets []func() error
	if c.Strict {
		f, err := strictFlags()
		if err != nil {
			return err
		}
		sets = append(sets, f...)
	}
	if c.PoolPolicy.Enforce {
		f, err := lookupFlag("poolpolicy", "enforce", "pool-policy.enforce")
		if err != nil {
			return err
		}
		sets = append(sets, func() error { return f.Value.Set("true") })
	}
	if len(c.PoolPolicy.Allow) > 0 {
		f, err := lookupFlag("poolpolicy", "allow", "pool-policy.allow")
		if err != nil {
			return err
		}
		allow := strings.Join(c.PoolPolicy.Allow, ",")
		sets = append(sets, func() error {
			if err := f.Value.Set(allow); err != nil {
				return c.errorAt(path{"pool-policy", "allow"}, "%v", err)
			}
			return nil
		})
	}
	if err := c.configureResources(); err != nil {
		return err
	}
	for _, set := range sets {
		if err := set(); err != nil {
			return err
		}
	}
	return nil
}

// Analyzers applies c (see [Config.Apply]) and returns the analyzers of
// [Suite] that c does not disable. A nil c stands for no configuration.
func Analyzers(c *Config) ([]*analysis.Analyzer, error) {
	if err := c.Apply(); err != nil {
		return nil, err
	}
	var disable []string
	if c != nil {
		disable = c.Disable
	}
	var out []*analysis.Analyzer
	for _, a := range Suite {
		if !slices.Contains(disable, a.Name) {
			out = append(out, a)
		}
	}
	return out, nil
}

// validate checks the values that Apply does not hand to another
// package for checking.
func (c *Config) validate() error {
	for i, name := range c.Disable {
		if find(name) == nil {
			return c.errorAt(path{"disable", i}, "unknown check %q; the checks are %s", name, strings.Join(checkNames(), ", "))
		}
	}
	for i, p := range c.PoolPolicy.Allow {
		if p == "" || strings.ContainsAny(p, ", \t\n") {
			return c.errorAt(path{"pool-policy", "allow", i}, "%q is not a package pattern such as \"example.com/internal/db/...\"", p)
		}
	}
	return nil
}

// configureResources installs c's resources. When one is invalid, it
// finds which, so that the error of a configuration file names its line.
func (c *Config) configureResources() error {
	err := ownership.Configure(c.Resources)
	if err == nil || c.origin == nil {
		return err
	}
	// Configure reports the first invalid entry and installs nothing,
	// so the shortest failing prefix ends with that entry. Restore the
	// model that the successful attempts replaced.
	prev := ownership.Specs()
	defer func() { _ = ownership.Configure(prev) }() // prev was valid
	for i := range c.Resources {
		if ownership.Configure(c.Resources[:i+1]) != nil {
			return c.origin.errorAt(path{"resources", i}, strings.TrimPrefix(err.Error(), "config: "))
		}
	}
	return err
}

// errorAt returns an error about the value at p, prefixed by its file
// and line when c was read from a file.
func (c *Config) errorAt(p path, format string, args ...any) error {
	msg := p.String() + ": " + fmt.Sprintf(format, args...)
	if c.origin == nil {
		return errors.New(msg)
	}
	return c.origin.errorAt(p, msg)
}

// strictFlags returns the setters of every check's strict flag.
func strictFlags() ([]func() error, error) {
	var sets []func() error
	for _, a := range Suite {
		if f := a.Flags.Lookup("strict"); f != nil {
			sets = append(sets, func() error { return f.Value.Set("true") })
		}
	}
	if len(sets) == 0 {
		return nil, fmt.Errorf("strict: no check of this build of dbleaklint has a strict flag")
	}
	return sets, nil
}

// lookupFlag returns the named flag of the named check, which the
// configuration key sets.
func lookupFlag(check, flag, key string) (*flag.Flag, error) {
	a := find(check)
	if a == nil {
		return nil, fmt.Errorf("%s: this build of dbleaklint has no %s check", key, check)
	}
	f := a.Flags.Lookup(flag)
	if f == nil {
		return nil, fmt.Errorf("%s: the %s check has no -%s.%s flag", key, check, check, flag)
	}
	return f, nil
}

// find returns the analyzer of Suite named name, or nil.
func find(name string) *analysis.Analyzer {
	for _, a := range Suite {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func checkNames() []string {
	names := make([]string, len(Suite))
	for i, a := range Suite {
		names[i] = a.Name
	}
	return names
}

// resourceError matches the checks' errors about a user-defined resource
// that names a type, method or function the loaded code does not have;
// they show only once the packages are loaded.
var resourceError = regexp.MustCompile(`^config: resource type (\S+): `)

// LocateError returns msg, an error of the analysis, with the file and
// line of the resource entry it is about when it is a resource error
// of a configuration read from a file; otherwise msg unchanged.
func (c *Config) LocateError(msg string) string {
	m := resourceError.FindStringSubmatch(msg)
	if m == nil || c == nil || c.origin == nil {
		return msg
	}
	i := slices.IndexFunc(c.Resources, func(s ownership.Spec) bool { return s.Type == m[1] })
	if i < 0 {
		return msg // from -ownership.resource, which has no file
	}
	return c.origin.errorAt(path{"resources", i}, strings.TrimPrefix(msg, "config: ")).Error()
}
