// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package load

import (
	"context"
	"go/token"
	"testing"

	"golang.org/x/tools/go/packages"
)

// BenchmarkTypeCheck compares the two ways of type-checking the
// dependencies of a package from source: in full (what a multichecker
// does for every dependency, and what dbleaklint does for the packages
// it analyzes) and from declarations only (what dbleaklint does for the
// dependencies that are not compiled). The package is net/http, with
// its 100-odd dependencies.
func BenchmarkTypeCheck(b *testing.B) {
	for _, bc := range []struct {
		name string
		kind loadKind
	}{{"full", fromSource}, {"declarations", fromDecls}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedFiles |
					packages.NeedCompiledGoFiles | packages.NeedImports | packages.NeedDeps | packages.NeedTypesSizes}, "net/http")
				if err != nil || packages.PrintErrors(pkgs) > 0 {
					b.Fatalf("loading net/http: %v", err)
				}
				kinds := make(map[string]loadKind)
				packages.Visit(pkgs, nil, func(p *packages.Package) { kinds[p.ID] = bc.kind })
				prog := &Program{Fset: token.NewFileSet()}
				b.StartTimer()
				if err := prog.typeCheck(context.Background(), pkgs, kinds); err != nil {
					b.Fatal(err)
				}
				if len(prog.Errs) > 0 {
					b.Fatalf("type errors: %v", prog.Errs)
				}
			}
		})
	}
}
