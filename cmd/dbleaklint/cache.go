// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"go/token"
	"hash"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/dbleaklint/dbleaklint/internal/cache"
	"github.com/dbleaklint/dbleaklint/internal/load"
)

// The result cache keeps the findings of each analyzed package, so that
// a repeated run on unchanged code neither loads nor analyzes it. A
// package's key hashes everything its findings depend on:
//
//   - the tool's build ID (its own code, the Go toolchain it was built
//     with), the environment that selects files and sizes (GOOS,
//     GOARCH, GOFLAGS, CGO_ENABLED, GOEXPERIMENT...), the configuration
//     file's content and every flag that changes the analysis;
//   - the package's ID, name, Go version and the content of its files;
//   - the keys of the packages it imports: for another analyzed package,
//     this same key, through which its facts flow; for a package that is
//     only type-checked (the standard library, dependencies that cannot
//     hold a resource), the names, sizes and modification times of its
//     files and of its imports' files, which change when it is edited or
//     when the Go installation or the module version changes.
//
// So an edit to one file changes the keys of its package and of every
// analyzed package that imports it, directly or not, and of no other.
//
// Only packages that loaded and analyzed without any error are stored.
// Facts are not stored: x/tools' checker cannot take them from outside,
// so a package that must be analyzed again has its dependencies'
// facts recomputed (but not their findings).

// Where the cache lives: $DBLEAKLINT_CACHE, or dbleaklint under the
// user cache directory; "off" turns it off, as -cache=off does.
const cacheEnv = "DBLEAKLINT_CACHE"

// cacheLimit bounds the cache's size; the entries used least recently
// go first, at most once an hour.
const cacheLimit = 256 << 20

// cacheDir returns the result cache's directory, or "" when it is off.
func cacheDir() (string, error) {
	switch dir := os.Getenv(cacheEnv); dir {
	case "off":
		return "", nil
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("no cache directory (%v); set %s or use -cache=off", err, cacheEnv)
		}
		return filepath.Join(base, "dbleaklint"), nil
	default:
		return filepath.Abs(dir)
	}
}

// outputFlags are the flags that change how findings are printed or
// what is done with them, not what they are.
var outputFlags = []string{"format", "json", "c", "fix", "diff", "baseline", "update-baseline",
	"config", "cpuprofile", "memprofile", "v", "cache"}

// analysisSettings describes, for the cache key, what decides the
// findings besides the code: every other flag's value and the
// configuration file's content.
func analysisSettings(fs *flag.FlagSet, configPath string) string {
	var b strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		if !slices.Contains(outputFlags, f.Name) {
			fmt.Fprintf(&b, "-%s=%q\n", f.Name, f.Value.String())
		}
	})
	if configPath != "" && configPath != "none" {
		data, err := os.ReadFile(configPath)
		if err != nil {
			data = []byte(err.Error())
		}
		fmt.Fprintf(&b, "config %q %d\n%s\n", configPath, len(data), data)
	}
	return b.String()
}

// envKeys are the environment variables that select a package's files
// or its types' sizes.
var envKeys = []string{"GOOS", "GOARCH", "GOFLAGS", "CGO_ENABLED", "GOEXPERIMENT", "GOTOOLCHAIN",
	"GOAMD64", "GOARM", "GOARM64", "GO386", "GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64", "GOWASM"}

// A resultCache looks up and stores the findings of the roots of one
// listing.
type resultCache struct {
	store    *cache.Cache
	settings [sha256.Size]byte
	analyzed func(id string) bool // the packages analyzed from source
	keys     map[string]*pkgKey   // by package ID, memoized
	fset     *token.FileSet       // the files of replayed findings
	files    map[string]*token.File
}

type pkgKey struct {
	key cache.Key
	ok  bool // false: a file could not be read; never cached
}

// openResultCache returns the result cache, or nil when it is off or
// does not apply.
func (c *command) openResultCache(analyzers []*analysis.Analyzer) *resultCache {
	if c.opts.cache == "off" || c.opts.fix || c.opts.diff {
		return nil // -fix and -diff rewrite the files they read
	}
	dir, err := cacheDir()
	if err != nil {
		c.errorf("%v", err)
		return nil
	}
	if dir == "" {
		return nil
	}
	store, err := cache.Open(dir)
	if err != nil {
		c.logf("result cache off: %v", err)
		return nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "dbleaklint result cache 1\n%s\n%s %s/%s\n", cache.ToolID(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	for _, k := range envKeys {
		fmt.Fprintf(h, "%s=%q\n", k, os.Getenv(k))
	}
	for _, a := range analyzers {
		fmt.Fprintf(h, "check %s\n", a.Name)
	}
	fmt.Fprintf(h, "tests=%t\n%s", c.opts.tests, c.settings)
	rc := &resultCache{store: store, keys: make(map[string]*pkgKey),
		fset: token.NewFileSet(), files: make(map[string]*token.File)}
	h.Sum(rc.settings[:0])
	return rc
}

// key returns the key of the analyzed package p.
func (rc *resultCache) key(p *packages.Package) *pkgKey {
	if k, ok := rc.keys[p.ID]; ok {
		return k
	}
	k := &pkgKey{ok: true}
	rc.keys[p.ID] = k // the graph has no cycles; this is a guard only
	h := sha256.New()
	analyzed := rc.analyzed(p.ID)
	if analyzed {
		h.Write(rc.settings[:])
	}
	goVersion := ""
	if p.Module != nil {
		goVersion = p.Module.GoVersion
	}
	fmt.Fprintf(h, "package %q %q %t go%s\n", p.ID, p.Name, analyzed, goVersion)
	for _, name := range slices.Concat(p.GoFiles, p.OtherFiles) {
		if !rc.hashFile(h, name, analyzed) {
			k.ok = false
		}
	}
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	for _, path := range paths {
		imp := p.Imports[path]
		ik := rc.key(imp)
		k.ok = k.ok && ik.ok
		fmt.Fprintf(h, "import %q %q %x\n", path, imp.ID, ik.key)
	}
	h.Sum(k.key[:0])
	return k
}

// hashFile writes the name of a file and, for an analyzed package, the
// hash of its content; for another package, its size and modification
// time. It reports whether the file could be read.
func (rc *resultCache) hashFile(h hash.Hash, name string, content bool) bool {
	if !content {
		fi, err := os.Stat(name)
		if err != nil {
			return false
		}
		fmt.Fprintf(h, "file %q %d %d\n", name, fi.Size(), fi.ModTime().UnixNano())
		return true
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return false
	}
	fmt.Fprintf(h, "file %q %x\n", name, sha256.Sum256(data))
	return true
}

// lookup returns the findings of the roots of l whose results the cache
// holds, and the roots it does not hold. A package and its test variants
// go together: they are loaded by the same pattern.
func (rc *resultCache) lookup(l *load.Listing, analyzers []*analysis.Analyzer) ([]finding, []*packages.Package) {
	rc.analyzed = l.Analyzed
	roots := l.Roots
	type hit struct {
		p *packages.Package
		e *entry
	}
	var hits []hit
	missed := make(map[string]bool) // by base path
	for _, p := range roots {
		k := rc.key(p)
		var e entry
		data, ok := rc.store.Get(k.key)
		if !k.ok || !ok || json.Unmarshal(data, &e) != nil {
			missed[load.BasePath(p)] = true
			continue
		}
		hits = append(hits, hit{p, &e})
	}
	var found []finding
	for _, h := range hits {
		if missed[load.BasePath(h.p)] {
			continue
		}
		fs, ok := rc.replay(h.p, h.e, analyzers)
		if !ok {
			missed[load.BasePath(h.p)] = true
			continue
		}
		found = append(found, fs...)
	}
	var rest []*packages.Package
	for _, p := range roots {
		if missed[load.BasePath(p)] {
			rest = append(rest, p)
		}
	}
	if len(rest) < len(roots) {
		// Drop the findings of packages whose variant missed.
		found = slices.DeleteFunc(found, func(f finding) bool { return missed[load.BasePath(f.pkg)] })
	}
	return found, rest
}

// save stores the findings of the root packages of graph that loaded
// and analyzed without error.
func (rc *resultCache) save(graph *checker.Graph) (saved int, err error) {
	if graph == nil {
		return 0, nil
	}
	byPkg := make(map[*packages.Package][]*checker.Action)
	for _, act := range graph.Roots {
		byPkg[act.Package] = append(byPkg[act.Package], act)
	}
	for p, acts := range byPkg {
		// The key was computed by lookup, from the first step's
		// package: p's own imports are pruned by now.
		k := rc.keys[p.ID]
		if k == nil || !k.ok || p.IllTyped || len(p.Errors) > 0 || len(p.TypeErrors) > 0 {
			continue
		}
		e, ok := newEntry(p.Fset, acts)
		if !ok {
			continue
		}
		data, err := json.Marshal(e)
		if err != nil {
			return saved, err
		}
		if err := rc.store.Put(k.key, data); err != nil {
			return saved, err
		}
		saved++
	}
	return saved, rc.store.MaybeTrim(cacheLimit)
}

// rootsGraph stands for the graph of a run whose every root was
// replayed from the cache: one root action per check, which is what the
// output needs to describe the checks that ran.
func rootsGraph(analyzers []*analysis.Analyzer) *checker.Graph {
	g := &checker.Graph{}
	for _, a := range analyzers {
		g.Roots = append(g.Roots, &checker.Action{Analyzer: a, IsRoot: true})
	}
	return g
}
