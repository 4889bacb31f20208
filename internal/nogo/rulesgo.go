// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package nogo

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// RulesGoVersion is the rules_go release whose builder and nogo driver
// are built: the version docs/guide.md tells Bazel users to depend on.
const RulesGoVersion = "v0.65.0"

// rulesGoModule is rules_go's module path on the Go module proxy.
const rulesGoModule = "github.com/bazelbuild/rules_go"

// rulesGo is rules_go's source tree in the module cache.
type rulesGo struct {
	dir       string            // the module's root directory (read-only)
	goVersion string            // the go directive of its go.mod
	requires  map[string]string // its go.mod's requirements: path -> version
}

// builders is the directory of the builder's and nogo's sources.
func (r *rulesGo) builders() string {
	return filepath.Join(r.dir, "go", "tools", "builders")
}

// fetchRulesGo downloads rules_go at RulesGoVersion into the module
// cache (through the Go module proxy) and reads its go.mod.
func fetchRulesGo(ctx context.Context) (*rulesGo, error) {
	out, err := goCommand(ctx, "", nil, "mod", "download", "-json", rulesGoModule+"@"+RulesGoVersion)
	if err != nil {
		return nil, err
	}
	var dl struct{ Dir, GoMod, Error string }
	if err := json.Unmarshal(out, &dl); err != nil {
		return nil, fmt.Errorf("go mod download %s: %v", rulesGoModule, err)
	}
	if dl.Error != "" {
		return nil, fmt.Errorf("go mod download %s: %s", rulesGoModule, dl.Error)
	}
	mod, err := readGoMod(ctx, dl.GoMod)
	if err != nil {
		return nil, err
	}
	return &rulesGo{dir: dl.Dir, goVersion: mod.goVersion, requires: mod.requires}, nil
}

// goMod is what this package needs of a go.mod file.
type goMod struct {
	goVersion string
	requires  map[string]string
}

// readGoMod reads the go.mod file at path with go mod edit -json.
func readGoMod(ctx context.Context, path string) (*goMod, error) {
	out, err := goCommand(ctx, "", nil, "mod", "edit", "-json", path)
	if err != nil {
		return nil, err
	}
	var f struct {
		Go      string
		Require []struct{ Path, Version string }
	}
	if err := json.Unmarshal(out, &f); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	m := &goMod{goVersion: f.Go, requires: make(map[string]string)}
	for _, r := range f.Require {
		m.requires[r.Path] = r.Version
	}
	return m, nil
}

// srcs returns the .go files of the named target of the builders'
// BUILD.bazel (builder_srcs, nogo_srcs), so that each binary is built
// from the files Bazel builds it from. A select() picks a file by
// platform: the non-Windows choice is added by the caller.
func (r *rulesGo) srcs(target string) ([]string, error) {
	build := filepath.Join(r.builders(), "BUILD.bazel")
	data, err := os.ReadFile(build)
	if err != nil {
		return nil, err
	}
	rule := regexp.MustCompile(`(?s)name = "` + regexp.QuoteMeta(target) + `",\s*srcs = \[(.*?)\]`).FindSubmatch(data)
	if rule == nil {
		return nil, fmt.Errorf("%s: no target %q with a srcs list", build, target)
	}
	var files []string
	for _, m := range regexp.MustCompile(`"([A-Za-z0-9_]+\.go)"`).FindAllSubmatch(rule[1], -1) {
		files = append(files, string(m[1]))
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: target %q lists no .go file", build, target)
	}
	return files, nil
}
