// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package ownership_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/ssabuild"
	"github.com/dbleaklint/dbleaklint/passes/ownership"
)

// Under go vet, each package's facts are written to a file, gob-encoded,
// and read back by the packages that import it: a fact that does not
// survive the trip, or that is not the same from one run to the next,
// makes the go command's cache and the checks downstream wrong without
// any error. These tests check the ownership facts the way that path
// treats them (x/tools' internal/facts.Encode): keyed by object path,
// sorted, one gob stream per package.

// factPackages are the testdata packages whose facts are encoded: the
// upstream helpers, a package deriving its facts from theirs, and the
// checks' cross-package callers (txend/crosspkg declares a wrapper type
// of its own; the other two export nothing that another package could
// use, which is checked the same way).
var factPackages = []string{
	"ownership/helpers",
	"ownership/middle",
	"rowsclose/crosspkg",
	"connrelease/crosspkg",
	"txend/crosspkg",
}

// Bounds on the encoded size, about four times what the testdata
// measured when they were set (x/tools v0.52.0): one fact alone, with
// its type's gob description, 78 to 116 bytes (FuncFact 78 to 115,
// WrapperFact 112 and 116); a package's stream, 310 to 372 bytes of
// type descriptions for one or two fact types plus 40 to 60 bytes a
// fact (ownership/helpers: 15 facts, 1230 bytes); all the packages,
// 1983 bytes. A fact is two bit sets and a type key, or a check, a
// field and a few method names: one that outgrows these bounds carries
// something it should not (a position, a type, a whole summary), and
// every package that imports its package reads it.
const (
	maxFactBytes    = 512  // one fact, encoded alone
	maxStreamBase   = 1024 // a package's stream: type descriptions
	maxStreamByFact = 128  // and so much more a fact
	maxTotalBytes   = 8192 // the streams of factPackages
)

func init() {
	// unitchecker registers each analyzer's fact types before decoding;
	// so must the encoder of an interface-typed field.
	for _, f := range ownership.Analyzer.FactTypes {
		gob.Register(f)
	}
}

// gobFact is x/tools' internal/facts.gobFact: one entry of the stream.
type gobFact struct {
	PkgPath string
	Object  objectpath.Path
	Fact    analysis.Fact
}

// pkgFacts are the facts one package exports, by object path.
type pkgFacts struct {
	path  string
	facts map[objectpath.Path]analysis.Fact
}

// exportedFacts runs the ownership analyzer over pkgs and returns the
// facts each one exports, as go vet would write them: by object path,
// without the facts of unexported functions. Every other fact's object
// must have an object path: a fact without one is silently dropped.
func exportedFacts(t *testing.T, pkgs ...string) []pkgFacts {
	t.Helper()
	// The crosspkg packages' want comments are the leak checks'
	// expectations, not this analyzer's: Test checks the facts of
	// ownership/*, and the checks' tests check their diagnostics.
	// Here only the facts matter, so the comparison is not asked for.
	results := testutil.Run(new(ignoreExpectations), testutil.TestData(), ownership.Analyzer, pkgs...)
	if len(results) != len(pkgs) {
		t.Fatalf("analyzed %d packages, want %d (loading failed?)", len(results), len(pkgs))
	}
	var out []pkgFacts
	for _, r := range results {
		if r.Err != nil {
			t.Fatalf("analyzing %s: %v", r.Action.Package.PkgPath, r.Err)
		}
		pf := pkgFacts{path: r.Action.Package.PkgPath, facts: make(map[objectpath.Path]analysis.Fact)}
		var enc objectpath.Encoder
		for obj, facts := range r.Facts {
			if obj == nil {
				t.Errorf("%s: package fact %v: the analyzer declares none", pf.path, facts)
				continue
			}
			p, err := enc.For(obj)
			if err != nil {
				// go vet drops such a fact, which is right for an
				// unexported function: no other package can call
				// it. Anything else would be lost downstream.
				if _, isType := obj.(*types.TypeName); isType || obj.Exported() || obj.Parent() != obj.Pkg().Scope() {
					t.Errorf("%s: fact on %s, which has no object path (lost under go vet): %v", pf.path, obj, err)
				}
				continue
			}
			// A function has at most a FuncFact, a type at most a
			// WrapperFact.
			if len(facts) != 1 {
				t.Errorf("%s: %d facts on %s: %v", pf.path, len(facts), obj, facts)
			}
			pf.facts[p] = facts[0]
		}
		out = append(out, pf)
	}
	return out
}

// encode is the gob stream of a package's facts, sorted as
// internal/facts.Encode sorts them.
func (pf pkgFacts) encode(t *testing.T) []byte {
	t.Helper()
	var list []gobFact
	for p, f := range pf.facts {
		list = append(list, gobFact{PkgPath: pf.path, Object: p, Fact: f})
	}
	slices.SortFunc(list, func(x, y gobFact) int { return strings.Compare(string(x.Object), string(y.Object)) })
	var buf bytes.Buffer
	if len(list) > 0 {
		if err := gob.NewEncoder(&buf).Encode(list); err != nil {
			t.Fatalf("%s: encoding the facts: %v", pf.path, err)
		}
	}
	return buf.Bytes()
}

// TestFactsEncoding checks that every exported fact round-trips through
// gob to an equal value, that its encoding is deterministic, and that
// the facts stay small.
func TestFactsEncoding(t *testing.T) {
	t.Parallel()
	pkgs := exportedFacts(t, factPackages...)
	counts := make(map[string]int) // by fact type
	total := 0
	for _, pf := range pkgs {
		for p, f := range pf.facts {
			counts[fmt.Sprintf("%T", f)]++
			// One fact alone, as analysistest's sanity check codes
			// it: its stream carries its type's description.
			var b1, b2 bytes.Buffer
			if err := gob.NewEncoder(&b1).Encode(f); err != nil {
				t.Fatalf("%s %s: encoding %v: %v", pf.path, p, f, err)
			}
			if err := gob.NewEncoder(&b2).Encode(f); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
				t.Errorf("%s %s: encoding %v twice gives different bytes", pf.path, p, f)
			}
			if n := b1.Len(); n > maxFactBytes {
				t.Errorf("%s %s: fact %v encodes to %d bytes, want at most %d", pf.path, p, f, n, maxFactBytes)
			}
			got := reflect.New(reflect.TypeOf(f).Elem()).Interface().(analysis.Fact)
			if err := gob.NewDecoder(&b1).Decode(got); err != nil {
				t.Fatalf("%s %s: decoding %v: %v", pf.path, p, f, err)
			}
			if !reflect.DeepEqual(got, f) {
				t.Errorf("%s %s: fact %#v decodes to %#v", pf.path, p, f, got)
			}
		}

		// The package's whole stream, as go vet writes it.
		stream := pf.encode(t)
		if !bytes.Equal(stream, pf.encode(t)) {
			t.Errorf("%s: encoding the facts twice gives different bytes", pf.path)
		}
		if n, limit := len(stream), maxStreamBase+maxStreamByFact*len(pf.facts); n > limit {
			t.Errorf("%s: %d facts encode to %d bytes, want at most %d", pf.path, len(pf.facts), n, limit)
		}
		total += len(stream)
		var decoded []gobFact
		if len(stream) > 0 {
			if err := gob.NewDecoder(bytes.NewReader(stream)).Decode(&decoded); err != nil {
				t.Fatalf("%s: decoding the facts: %v", pf.path, err)
			}
		}
		if len(decoded) != len(pf.facts) {
			t.Errorf("%s: %d facts decode to %d", pf.path, len(pf.facts), len(decoded))
		}
		for _, d := range decoded {
			if want := pf.facts[d.Object]; !reflect.DeepEqual(d.Fact, want) || d.PkgPath != pf.path {
				t.Errorf("%s: fact on %s %#v decodes to %#v in %s", pf.path, d.Object, want, d.Fact, d.PkgPath)
			}
		}
		t.Logf("%s: %d facts, %d bytes", pf.path, len(pf.facts), len(stream))
	}
	if total > maxTotalBytes {
		t.Errorf("the facts of %s encode to %d bytes in all, want at most %d", factPackages, total, maxTotalBytes)
	}
	// Both fact types must be exercised, or the checks above prove
	// nothing about one of them.
	for _, typ := range []string{"*leakflow.FuncFact", "*leakflow.WrapperFact"} {
		if counts[typ] == 0 {
			t.Errorf("no %s among the facts of %s", typ, factPackages)
		}
	}
}

// TestFactsDeterministic runs the analysis twice: the facts, and the
// bytes go vet would write for them, must be the same, or the go
// command's cache would see a change where there is none.
func TestFactsDeterministic(t *testing.T) {
	t.Parallel()
	first := exportedFacts(t, factPackages...)
	second := exportedFacts(t, factPackages...)
	for i := range first {
		a, b := first[i], second[i]
		if a.path != b.path {
			t.Fatalf("run 2 analyzed %s where run 1 analyzed %s", b.path, a.path)
		}
		if !reflect.DeepEqual(a.facts, b.facts) {
			t.Errorf("%s: facts differ between runs:\n%v\n%v", a.path, a.facts, b.facts)
		}
		if !bytes.Equal(a.encode(t), b.encode(t)) {
			t.Errorf("%s: the encoded facts differ between runs", a.path)
		}
	}
}

// TestNoFactsWithoutResources: a package whose imports cannot reach a
// resource type exports no facts, however much its own types look like
// rows and cursors (ownership/nodb), or however close it comes to the
// database (ownership/valuer imports database/sql/driver and pgconn,
// which declare none); the SSA builder skips it, so nothing is computed.
// ownership/helpers is the contrast: the same runs build and export.
func TestNoFactsWithoutResources(t *testing.T) {
	t.Parallel()
	pkgs := []string{"ownership/nodb", "ownership/valuer", "ownership/helpers"}
	facts := testutil.Run(t, testutil.TestData(), ownership.Analyzer, pkgs...)
	// The builder's result is visible only when it is the analyzer
	// run: the driver drops the results of required analyzers. Its run
	// ignores helpers' want comments, which expect facts.
	built := testutil.Run(new(ignoreExpectations), testutil.TestData(), ssabuild.Analyzer, pkgs...)
	if len(facts) != len(pkgs) || len(built) != len(pkgs) {
		t.Fatalf("analyzed %d and %d packages, want %d", len(facts), len(built), len(pkgs))
	}
	for i, path := range pkgs {
		n := len(facts[i].Facts)
		ssa := built[i].Result.(*ssabuild.SSA).Pkg != nil
		want := path == "ownership/helpers"
		if (n > 0) != want || ssa != want {
			t.Errorf("%s: %d facts, SSA built: %t; want facts and SSA: %t", path, n, ssa, want)
		}
	}
}

// ignoreExpectations is an analysistest.Testing (as testutil.Run takes) that drops the
// comparison of want comments with the results (see exportedFacts).
type ignoreExpectations struct{}

func (*ignoreExpectations) Errorf(string, ...any) {}
