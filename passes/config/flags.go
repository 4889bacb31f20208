// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package config

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// The flags write into their Config's settings, under its lock.

// A boolFlag is a boolean setting.
type boolFlag struct {
	c     *Config
	field func(*settings) *bool
}

func (f boolFlag) IsBoolFlag() bool { return true }

func (f boolFlag) String() string {
	if f.c == nil {
		return "false" // the zero value the flag package makes for its defaults
	}
	return strconv.FormatBool(read(f.c, func(s *settings) bool { return *f.field(s) }))
}

func (f boolFlag) Set(v string) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return err
	}
	return f.c.update(func(s *settings) error { *f.field(s) = b; return nil })
}

// An allowFlag is -poolpolicy.allow: a comma-separated list of package
// patterns, replacing the list.
type allowFlag struct{ c *Config }

func (f allowFlag) String() string {
	if f.c == nil {
		return ""
	}
	return read(f.c, func(s *settings) string { return s.allow.String() })
}

func (f allowFlag) Set(list string) error {
	var p Patterns
	if err := p.Set(list); err != nil {
		return err
	}
	return f.c.update(func(s *settings) error { s.allow = p; return nil })
}

// A resourceFlag is -ownership.resource: one user-defined resource as
// JSON, added to those of the configuration (repeatable).
type resourceFlag struct{ c *Config }

func (f resourceFlag) String() string {
	if f.c == nil {
		return ""
	}
	var parts []string
	for _, s := range f.c.Resources() {
		b, _ := json.Marshal(s)
		parts = append(parts, string(b))
	}
	return strings.Join(parts, " ")
}

func (f resourceFlag) Set(value string) error {
	dec := json.NewDecoder(strings.NewReader(value))
	dec.DisallowUnknownFields()
	var spec resource.Spec
	if err := dec.Decode(&spec); err != nil {
		return fmt.Errorf("not a resource as JSON: %v", err)
	}
	return f.c.update(func(s *settings) error {
		specs := append(append([]resource.Spec(nil), s.specs...), spec)
		m, err := resource.Build(specs)
		if err != nil {
			return err
		}
		s.specs, s.resources = specs, m
		return nil
	})
}
