// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
	"github.com/dbleaklint/dbleaklint/passes/internal/safe"
	"github.com/dbleaklint/dbleaklint/passes/internal/ssabuild"
)

// OwnershipAnalyzer is the ownership analyzer of the default
// configuration.
var OwnershipAnalyzer = ownershipFor(config.Default)

type ownershipKey struct{}

// ownershipFor returns the analyzer that computes, for the
// configuration c, the ownership facts of a package's functions and
// wrapper types (see FuncFact and WrapperFact) for the packages that
// import it, and hands the engine it used to the engine's analyzer,
// which goes on with the same summaries. It is built here because the
// engine requires it; passes/ownership documents it and puts it in the
// suite.
func ownershipFor(c *config.Config) *analysis.Analyzer {
	return config.Instance(c, ownershipKey{}, func() *analysis.Analyzer {
		a := &analysis.Analyzer{
			Name:       check.Ownership.String(),
			Doc:        "compute which functions release, borrow or return database resources (facts for the other checks)",
			Run:        func(pass *analysis.Pass) (any, error) { return runOwnership(pass, c) },
			Requires:   []*analysis.Analyzer{c.Analyzer, ssabuild.For(c)},
			FactTypes:  []analysis.Fact{new(FuncFact), new(WrapperFact)},
			ResultType: reflect.TypeFor[*Facts](),
			// See ssabuild.Analyzer: nothing is built for an ill-typed package.
			RunDespiteErrors: true,
		}
		c.AddFlags(check.Ownership, &a.Flags)
		return a
	})
}

// Facts is the result of OwnershipAnalyzer: the function facts of the
// package and of its dependencies, and the engine that computed them.
type Facts struct {
	funcs  map[*types.Func]*FuncFact
	engine *engine // nil if the package cannot hold a resource
	// Errors records functions whose summary panicked.
	Errors []*InternalError
	// ConfigErrors reports the user-defined resources that name a type,
	// method or function that does not exist. They are not errors of
	// this analyzer, which also runs on dependencies (where an error
	// would only say "failed prerequisites" in the packages being
	// checked): the check each one names reports it.
	ConfigErrors []*config.ResourceError
}

// Func returns the fact of fn, or nil.
func (f *Facts) Func(fn *types.Func) *FuncFact { return f.funcFact(fn) }

func (f *Facts) funcFact(fn *types.Func) *FuncFact {
	if f == nil || fn == nil {
		return nil
	}
	return f.funcs[fn.Origin()]
}

func runOwnership(pass *analysis.Pass, c *config.Config) (any, error) {
	built := pass.ResultOf[ssabuild.For(c)].(*ssabuild.SSA)
	facts := &Facts{funcs: make(map[*types.Func]*FuncFact)}
	if built.Pkg == nil {
		return facts, nil
	}
	model := pass.ResultOf[c.Analyzer].(*config.Model).Resources
	facts.ConfigErrors = checkSpecs(pass.Pkg, model.Specs())
	var wrappers []*resource.Type
	for _, of := range pass.AllObjectFacts() {
		switch f := of.Fact.(type) {
		case *FuncFact:
			if fn, ok := of.Object.(*types.Func); ok {
				facts.funcs[fn] = f
			}
		case *WrapperFact:
			if tn, ok := of.Object.(*types.TypeName); ok {
				wrappers = append(wrappers, wrapperType(tn, f))
			}
		}
	}
	e := newEngine(pass, model.WithTypes(wrappers), built.Pkg)
	e.facts = facts
	facts.engine = e
	if local := e.findWrappers(built.SrcFuncs); len(local) > 0 {
		e.model = e.model.WithTypes(local)
	}
	for _, fn := range built.SrcFuncs {
		obj := funcObject(fn)
		if obj == nil || fn.Parent() != nil {
			continue
		}
		if f := e.funcFactSafely(fn, facts); f != nil {
			facts.funcs[obj] = f
			pass.ExportObjectFact(obj, f)
		}
	}
	return facts, nil
}

// funcFactSafely computes the fact of fn, or nil if there is nothing to
// say or the computation panicked (recorded in facts.Errors).
func (e *engine) funcFactSafely(fn *ssa.Function, facts *Facts) (f *FuncFact) {
	if err := safe.Analyze(check.None, fn, func() { f = e.funcFact(fn) }); err != nil {
		facts.Errors = append(facts.Errors, err)
		return nil
	}
	return f
}

// funcFact computes the fact of a package-level function or method.
func (e *engine) funcFact(fn *ssa.Function) *FuncFact {
	f := new(FuncFact)
	for i, p := range fn.Params {
		if i >= 64 {
			break
		}
		if elem := e.elemResource(p.Type()); elem != nil && e.summaries.value(summaryKey{typ: elem, fn: fn, slot: i, field: sliceElems}) == sumReleases {
			f.ReleasesElems |= 1 << i
		}
		typ := e.model.TypeOf(p.Type())
		if typ == nil {
			continue
		}
		if i == 0 && fn.Signature.Recv() != nil && typ.IsRelease(fn.Name()) {
			continue // the release method of a wrapper type
		}
		switch e.summaries.value(summaryKey{typ: typ, fn: fn, slot: i}) {
		case sumReleases:
			f.Releases |= 1 << i
		case sumBorrows:
			f.Borrows |= 1 << i
		case sumTakesOnSuccess:
			f.TakesOnSuccess |= 1 << i
		case sumReleasesOnSuccess:
			f.ReleasesOnSuccess |= 1 << i
		}
	}
	if r := e.owned.value(fn); r.kind == ownedValue {
		f.Owned, f.OwnedIndex = r.typ.Key, r.index
	}
	f.Pools = e.poolFact(fn) // nestedacquire: nested.go
	if *f == (FuncFact{}) {
		return nil
	}
	return f
}

// checkSpecs reports the user-defined resources that name, in pkg or a
// package it imports, a type, method or function that does not exist.
// An imported package is known by its export data, which holds only
// exported names: an unexported one is checked in its own package only.
func checkSpecs(pkg *types.Package, specs []resource.Spec) []*config.ResourceError {
	if len(specs) == 0 {
		return nil
	}
	pkgs := make(map[string]*types.Package)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if pkgs[p.Path()] != nil {
			return
		}
		pkgs[p.Path()] = p
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(pkg)
	var errs []*config.ResourceError
	report := func(i int, s resource.Spec, format string, args ...any) {
		id, _ := check.LookupLeak(s.Check) // a valid spec names a leak check
		errs = append(errs, &config.ResourceError{Index: i, Type: s.Type, Check: id, Msg: fmt.Sprintf(format, args...)})
	}
	checkable := func(p *types.Package, name string) bool {
		return p == pkg || token.IsExported(name)
	}
	for i, s := range specs {
		if path, name, _ := resource.SplitType(s.Type); pkgs[path] != nil && checkable(pkgs[path], name) {
			p := pkgs[path]
			tn, ok := p.Scope().Lookup(name).(*types.TypeName)
			if !ok {
				report(i, s, "package %s has no type %s", path, name)
				continue
			}
			mset := types.NewMethodSet(types.NewPointer(tn.Type()))
			for _, m := range s.Release {
				if checkable(p, m) && mset.Lookup(p, m) == nil {
					report(i, s, "%s has no method %s", name, m)
				}
			}
		}
		names := append([]string(nil), s.Acquire...)
		for _, rf := range s.ReleaseFunctions {
			names = append(names, rf.Function)
		}
		for _, full := range names {
			path, name, _ := resource.SplitFunc(full)
			method := name[strings.LastIndex(name, ".")+1:]
			if p := pkgs[path]; p != nil && checkable(p, method) && lookupFunc(p, full) == nil {
				report(i, s, "function %s does not exist", full)
			}
		}
	}
	return errs
}

// lookupFunc finds the function or method of pkg with the given
// FullName, or nil.
func lookupFunc(pkg *types.Package, full string) *types.Func {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			if obj.FullName() == full {
				return obj
			}
		case *types.TypeName:
			mset := types.NewMethodSet(types.NewPointer(obj.Type()))
			for i := range mset.Len() {
				if m, ok := mset.At(i).Obj().(*types.Func); ok && m.FullName() == full {
					return m
				}
			}
		}
	}
	return nil
}
