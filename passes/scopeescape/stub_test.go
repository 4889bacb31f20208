// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package scopeescape_test

import (
	"go/types"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
)

const runtimePath = "github.com/dbleaklint/dbleaklint/runtime"

// TestRuntimeStub makes sure that the stub of the runtime package under
// testdata/src declares its functions and methods with the signatures of
// the real package, so that the analysistest cases cannot drift from it.
func TestRuntimeStub(t *testing.T) {
	t.Parallel()
	testdata := testutil.TestData()
	// The stub as the analyzer tests load it (once for the test binary).
	stubs := testutil.Load(t, testdata, runtimePath)
	if len(stubs) != 1 || stubs[0].Types == nil {
		t.Fatalf("loading the stub of %s: got %d packages, want 1", runtimePath, len(stubs))
	}
	stub := stubs[0].Types
	real := loadOne(t, &packages.Config{Dir: filepath.Dir(testdata)})

	qual := func(p *types.Package) string { return p.Path() }
	compared := 0
	compare := func(where string, s, r types.Object) {
		t.Helper()
		if r == nil {
			t.Errorf("%s: declared by the stub, missing from the real package", where)
			return
		}
		compared++
		if ts, tr := types.TypeString(s.Type(), qual), types.TypeString(r.Type(), qual); ts != tr {
			t.Errorf("%s: stub %s, real %s", where, ts, tr)
		}
	}
	for _, name := range stub.Scope().Names() {
		s := stub.Scope().Lookup(name)
		if !s.Exported() {
			continue
		}
		r := real.Scope().Lookup(name)
		switch s := s.(type) {
		case *types.Func:
			compare(name, s, r)
		case *types.TypeName:
			rt, ok := r.(*types.TypeName)
			if !ok {
				t.Errorf("%s: the stub's type is not a type of the real package", name)
				continue
			}
			compared++
			ms := types.NewMethodSet(types.NewPointer(s.Type()))
			for i := range ms.Len() {
				m := ms.At(i).Obj()
				rm, _, _ := types.LookupFieldOrMethod(types.NewPointer(rt.Type()), true, real, m.Name())
				compare(name+"."+m.Name(), m, rm)
			}
		}
	}
	// The tests rely on these: a stub that lost them would make them
	// pass vacuously.
	poolType := stub.Scope().Lookup("Pool")
	if poolType == nil {
		t.Fatal("stub lacks type Pool")
	}
	pool := types.NewPointer(poolType.Type())
	for _, name := range []string{"WithConn", "WithTx", "Pgx"} {
		if obj, _, _ := types.LookupFieldOrMethod(pool, true, stub, name); obj == nil {
			t.Errorf("stub lacks method Pool.%s", name)
		}
	}
	for _, name := range []string{"Savepoint", "Wrap"} {
		if stub.Scope().Lookup(name) == nil {
			t.Errorf("stub lacks %s", name)
		}
	}
	if compared < 7 {
		t.Errorf("compared %d declarations, want at least 7", compared)
	}
}

// loadOne loads the real runtime package with cfg, from export data, and
// returns its types.
func loadOne(t *testing.T, cfg *packages.Config) *types.Package {
	t.Helper()
	cfg.Mode = packages.NeedName | packages.NeedFiles | packages.NeedTypes | packages.NeedImports | packages.NeedDeps
	pkgs, err := packages.Load(cfg, runtimePath)
	if err != nil {
		t.Fatalf("load %s in %s: %v", runtimePath, cfg.Dir, err)
	}
	if len(pkgs) != 1 || len(pkgs[0].Errors) > 0 || pkgs[0].Types == nil {
		for _, p := range pkgs {
			for _, e := range p.Errors {
				t.Error(e)
			}
		}
		t.Fatalf("load %s in %s: want one package without errors", runtimePath, cfg.Dir)
	}
	return pkgs[0].Types
}
