// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package analyzer

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/config"
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

// New validates c and returns the suite it configures: fresh instances
// of every check, sharing one configuration analyzer
// (passes/config), so that suites of different configurations can run
// in one process at once. A nil c is no configuration.
//
// The checks' flags (-rowsclose.strict, -poolpolicy.allow, ...) start
// from c's values; a driver that registers them after New lets its
// command line override the file.
func New(c *Config) (*Set, error) {
	if c == nil {
		c = new(Config)
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	cfg, err := config.New(config.Settings{
		Strict:    c.Strict,
		Resources: c.Resources,
		Enforce:   c.PoolPolicy.Enforce,
		Allow:     c.PoolPolicy.Allow,
	})
	if err != nil {
		var e *config.Error
		if errors.As(err, &e) && c.origin != nil {
			var p path
			for _, k := range strings.Split(e.Key, ".") {
				p = append(p, k)
			}
			return nil, c.origin.errorAt(append(p, e.Index), strings.TrimPrefix(err.Error(), "config: "))
		}
		return nil, err
	}
	s := &Set{All: checks(cfg), config: cfg}
	for _, a := range s.All {
		if !slices.Contains(c.Disable, a.Name) {
			s.Enabled = append(s.Enabled, a)
		}
	}
	return s, nil
}

// A Set is the suite in one configuration.
type Set struct {
	// All lists every check, in the order of [Suite].
	All []*analysis.Analyzer
	// Enabled lists the checks that the configuration does not disable.
	Enabled []*analysis.Analyzer

	config *config.Config
}

// Resources returns the user-defined resources of the set: the
// configuration's, then those that -ownership.resource added.
func (s *Set) Resources() []ownership.Spec { return s.config.Resources() }

// validate checks the values that New does not hand to another
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

// errorAt returns an error about the value at p, prefixed by its file
// and line when c was read from a file.
func (c *Config) errorAt(p path, format string, args ...any) error {
	msg := p.String() + ": " + fmt.Sprintf(format, args...)
	if c.origin == nil {
		return errors.New(msg)
	}
	return c.origin.errorAt(p, msg)
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

// LocateError returns the message of err, an error of the analysis,
// with the file and line of the resource entry it is about when it is
// about a resource of a configuration read from a file.
func (c *Config) LocateError(err error) string {
	var re *config.ResourceError
	if !errors.As(err, &re) || c == nil || c.origin == nil || re.Index >= len(c.Resources) {
		return err.Error() // a resource of -ownership.resource has no file
	}
	return c.origin.errorAt(path{"resources", re.Index}, strings.TrimPrefix(re.Error(), "config: ")).Error()
}
