// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package load

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/dbleaklint/dbleaklint/internal/cache"
)

// The first step's "go list" is most of what a repeated run costs once
// the results are cached, so its answer is cached too, with the state
// of every file and directory it depends on, and reused while none has
// changed:
//
//   - every file of every listed package, those that build constraints
//     exclude included, and the package directories (whose modification
//     time changes when a file is added, removed or renamed);
//   - every directory under a local "dir/..." pattern (a new package);
//   - go.mod, go.sum, go.work and go.work.sum in the working directory
//     and each parent, the go.mod and vendor/modules.txt of each module,
//     the go command's environment file, and the go binary itself.
//
// The key holds the tool's ID, the working directory, the patterns, -test
// and the environment variables that the go command reads. Patterns
// that are import paths rather than directories are listed every time.

// A listEntry is a cached listing.
type listEntry struct {
	Packages []listPackage
	Targets  []int // indices in Packages
	Stats    []fileState
}

type listPackage struct {
	ID, Name, PkgPath string
	GoFiles           []string       `json:",omitempty"`
	OtherFiles        []string       `json:",omitempty"`
	IgnoredFiles      []string       `json:",omitempty"`
	Imports           map[string]int `json:",omitempty"` // import path -> index in Packages
	Module            *listModule    `json:",omitempty"`
}

type listModule struct {
	Path, Dir, GoMod, GoVersion string
	Main                        bool
}

// A fileState is what is known of a file or directory: its size and
// modification time, or that it does not exist.
type fileState struct {
	Name    string
	Missing bool  `json:",omitempty"`
	Size    int64 `json:",omitempty"`
	ModTime int64 `json:",omitempty"`
}

func stateOf(name string) fileState {
	fi, err := os.Stat(name)
	if err != nil {
		return fileState{Name: name, Missing: true}
	}
	return fileState{Name: name, Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
}

// listKey returns the key of the listing of cfg in its directory, and
// false when the listing is not to be cached: a pattern is not a
// directory.
func listKey(cfg Config) (cache.Key, bool) {
	var key cache.Key
	wd, err := cfg.dir()
	if err != nil {
		return key, false
	}
	for _, p := range cfg.Patterns {
		if !isLocalPattern(p) {
			return key, false
		}
	}
	h := sha256.New()
	fmt.Fprintf(h, "dbleaklint listing 1\n%s\n%q\n%q tests=%t\n", cache.ToolID(), wd, cfg.Patterns, cfg.Tests)
	env := slices.Clone(cfg.Env)
	if env == nil {
		env = os.Environ()
	}
	slices.Sort(env)
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "GO") || strings.HasPrefix(name, "CGO_") ||
			slices.Contains([]string{"CC", "CXX", "PKG_CONFIG", "PATH", "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"}, name) {
			fmt.Fprintf(h, "%q\n", kv)
		}
	}
	h.Sum(key[:0])
	return key, true
}

// dir returns the absolute directory the go command runs in.
func (cfg *Config) dir() (string, error) {
	if cfg.Dir == "" {
		return os.Getwd()
	}
	return filepath.Abs(cfg.Dir)
}

// getenv returns the value of the variable name in the go command's
// environment.
func (cfg *Config) getenv(name string) string {
	if cfg.Env == nil {
		return os.Getenv(name)
	}
	v := ""
	for _, kv := range cfg.Env {
		if k, val, ok := strings.Cut(kv, "="); ok && k == name {
			v = val // the last one wins, as in exec.Cmd
		}
	}
	return v
}

// isLocalPattern reports whether a pattern names directories: "." and
// "./x/...", "../x", or an absolute path.
func isLocalPattern(p string) bool {
	return p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || filepath.IsAbs(p)
}

// ListCached is [List], with the listing kept in store: it returns the
// listing of cfg from store if it is still valid, and otherwise lists
// and stores it. A listing with errors is not stored.
func ListCached(ctx context.Context, cfg Config, store *cache.Cache) (l *Listing, fromCache bool, err error) {
	key, ok := listKey(cfg)
	if !ok {
		l, err := List(ctx, cfg)
		return l, false, err
	}
	if data, ok := store.Get(key); ok {
		var e listEntry
		if json.Unmarshal(data, &e) == nil && e.valid() {
			return newListing(cfg, e.packages()), true, nil
		}
	}
	l, err = List(ctx, cfg)
	if err != nil || len(l.Errs) > 0 {
		return l, false, err
	}
	if data, err := json.Marshal(newListEntry(cfg, l.Targets)); err == nil {
		_ = store.Put(key, data) // a best effort: the next run lists again
	}
	return l, false, nil
}

// valid reports whether every file and directory is as it was.
func (e *listEntry) valid() bool {
	for _, s := range e.Stats {
		if stateOf(s.Name) != s {
			return false
		}
	}
	return true
}

// packages rebuilds the target packages and their dependencies.
func (e *listEntry) packages() []*packages.Package {
	pkgs := make([]*packages.Package, len(e.Packages))
	for i, lp := range e.Packages {
		pkgs[i] = &packages.Package{ID: lp.ID, Name: lp.Name, PkgPath: lp.PkgPath,
			GoFiles: lp.GoFiles, OtherFiles: lp.OtherFiles, IgnoredFiles: lp.IgnoredFiles,
			Imports: make(map[string]*packages.Package, len(lp.Imports))}
		if m := lp.Module; m != nil {
			pkgs[i].Module = &packages.Module{Path: m.Path, Dir: m.Dir, GoMod: m.GoMod, GoVersion: m.GoVersion, Main: m.Main}
		}
	}
	for i, lp := range e.Packages {
		for path, j := range lp.Imports {
			pkgs[i].Imports[path] = pkgs[j]
		}
	}
	targets := make([]*packages.Package, len(e.Targets))
	for i, j := range e.Targets {
		targets[i] = pkgs[j]
	}
	return targets
}

// newListEntry records the listing of targets and the state of what it
// depends on.
func newListEntry(cfg Config, targets []*packages.Package) *listEntry {
	e := &listEntry{}
	index := make(map[*packages.Package]int)
	var names []string
	packages.Visit(targets, nil, func(p *packages.Package) {
		index[p] = len(e.Packages)
		lp := listPackage{ID: p.ID, Name: p.Name, PkgPath: p.PkgPath,
			GoFiles: p.GoFiles, OtherFiles: p.OtherFiles, IgnoredFiles: p.IgnoredFiles,
			Imports: make(map[string]int, len(p.Imports))}
		for path, imp := range p.Imports {
			lp.Imports[path] = index[imp] // postorder: imports come first
		}
		if m := p.Module; m != nil {
			lp.Module = &listModule{Path: m.Path, Dir: m.Dir, GoMod: m.GoMod, GoVersion: m.GoVersion, Main: m.Main}
			names = append(names, m.GoMod)
			if m.Dir != "" {
				names = append(names, filepath.Join(m.Dir, "vendor", "modules.txt"))
			}
		}
		// A test's generated main package lives in the build cache,
		// whose directories change all the time; it is made of the
		// test files, recorded with their packages.
		if !isTestMain(p) {
			for _, f := range slices.Concat(p.GoFiles, p.OtherFiles, p.IgnoredFiles) {
				names = append(names, f, filepath.Dir(f))
			}
		}
		e.Packages = append(e.Packages, lp)
	})
	for _, p := range targets {
		e.Targets = append(e.Targets, index[p])
	}
	if wd, err := cfg.dir(); err == nil {
		for _, p := range cfg.Patterns {
			if dir, ok := strings.CutSuffix(p, "/..."); ok {
				names = append(names, packageDirs(filepath.Join(wd, dir))...)
			} else {
				names = append(names, filepath.Join(wd, p))
			}
		}
		for dir := wd; ; dir = filepath.Dir(dir) {
			for _, f := range []string{"go.mod", "go.sum", "go.work", "go.work.sum"} {
				names = append(names, filepath.Join(dir, f))
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	if env := cfg.getenv("GOENV"); env != "" {
		names = append(names, env)
	} else if dir, err := os.UserConfigDir(); err == nil {
		names = append(names, filepath.Join(dir, "go", "env"))
	}
	if gobin, err := exec.LookPath("go"); err == nil {
		names = append(names, gobin)
	}
	slices.Sort(names)
	for _, name := range slices.Compact(names) {
		if name != "" {
			e.Stats = append(e.Stats, stateOf(name))
		}
	}
	return e
}

// packageDirs returns root and the directories under it that the go
// command would look for packages in: not those whose name starts with
// "." or "_", nor testdata.
func packageDirs(root string) []string {
	var dirs []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata") {
			return filepath.SkipDir
		}
		dirs = append(dirs, path)
		return nil
	})
	return dirs
}
