// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"

	"github.com/dbleaklint/dbleaklint/analyzer"
	"github.com/dbleaklint/dbleaklint/passes/ownership"
)

// Some configuration errors show only once the packages are loaded: a
// resource whose type, method or function the code does not have. The
// checks report them as "config: resource type T: what", without the
// file; locateConfigError adds the file and the line of the resource's
// entry, as reading the file does for the errors it finds, so that
// every configuration error says where to look.

// resourceError matches the checks' configuration errors about a
// resource, capturing its type.
var resourceError = regexp.MustCompile(`^config: resource type (\S+): `)

// locateConfigError returns msg, a configuration error of the
// analysis, as "file:line: what" when it is about a resource of the
// configuration file path, whose contents are cfg; otherwise msg as is
// (a resource given by -ownership.resource has no file).
func locateConfigError(msg, path string, cfg *analyzer.Config) string {
	m := resourceError.FindStringSubmatch(msg)
	if m == nil || cfg == nil {
		return msg
	}
	i := slices.IndexFunc(cfg.Resources, func(s ownership.Spec) bool { return s.Type == m[1] })
	if i < 0 {
		return msg
	}
	what := strings.TrimPrefix(msg, "config: ")
	if line := yamlLine(path, fmt.Sprintf("$.resources[%d]", i)); line > 0 {
		return fmt.Sprintf("%s:%d: %s", path, line, what)
	}
	return path + ": " + what
}

// yamlLine returns the line of the value at the YAML path p in the file
// name, or 0 if it cannot tell.
func yamlLine(name, p string) int {
	data, err := os.ReadFile(name)
	if err != nil {
		return 0
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return 0
	}
	yp, err := yaml.PathString(p)
	if err != nil {
		return 0
	}
	n, err := yp.FilterFile(file)
	if err != nil || n == nil || n.GetToken() == nil || n.GetToken().Position == nil {
		return 0
	}
	return n.GetToken().Position.Line
}
