package testutil

import (
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// The analysistest packages under testdata/src import pgx at its real import paths, so
// testdata/src/github.com/jackc/pgx/v5/... holds stubs of pgx. TestStubsMatchRealPgx makes sure the
// stubs never drift from the real API: every declaration in a stub must be identical to the
// declaration of the same name in the pgx version the module requires.

// pgxVersion is the pgx release the stubs mirror; the module must require exactly this version.
const pgxVersion = "v5.12.0"

// stubbedPackages are the import paths stubbed under testdata/src.
var stubbedPackages = []string{
	"github.com/jackc/pgx/v5",
	"github.com/jackc/pgx/v5/pgconn",
	"github.com/jackc/pgx/v5/pgtype",
	"github.com/jackc/pgx/v5/pgxpool",
}

// requiredDecls are the declarations the analyzers and their tests rely on. "T.M" names a method
// (or field) M of type T, looked up in the method set of *T. The drift check only compares what
// the stubs declare; this list makes sure that nothing needed is silently dropped from them.
var requiredDecls = map[string][]string{
	"github.com/jackc/pgx/v5": {
		"Connect", "ConnectConfig", "ConnectWithOptions", "ParseConfig", "ParseConfigOptions",
		"ConnConfig", "ConnConfig.Tracer", "ConnConfig.Config",
		"Conn", "Conn.Close", "Conn.Query", "Conn.QueryRow", "Conn.Exec", "Conn.Begin", "Conn.BeginTx",
		"Conn.SendBatch", "Conn.Prepare", "Conn.Ping", "Conn.PgConn", "Conn.Config", "Conn.IsClosed",
		"Conn.CopyFrom", "Conn.Deallocate",
		"Tx", "TxOptions", "TxIsoLevel", "TxAccessMode", "TxDeferrableMode",
		"Serializable", "RepeatableRead", "ReadCommitted", "ReadUncommitted",
		"ReadWrite", "ReadOnly", "Deferrable", "NotDeferrable",
		"Rows", "Row", "CollectableRow", "RowToFunc", "BatchResults",
		"Batch", "Batch.Queue", "Batch.Len", "QueuedQuery", "QueuedQuery.Query", "QueuedQuery.QueryRow",
		"QueuedQuery.Exec",
		"Identifier", "CopyFromSource", "CopyFromRows", "NamedArgs", "QueryRewriter", "QueryResultFormats",
		"ErrNoRows", "ErrTxClosed", "ErrTooManyRows",
		"CollectRows", "CollectOneRow", "CollectExactlyOneRow", "AppendRows", "ForEachRow",
		"RowTo", "RowToAddrOf", "RowToMap", "RowToStructByName", "RowToStructByPos", "RowToAddrOfStructByName",
		"BeginFunc", "BeginTxFunc", "QueryTracer", "TraceQueryStartData", "TraceQueryEndData",
	},
	"github.com/jackc/pgx/v5/pgxpool": {
		"Pool", "New", "NewWithConfig", "ParseConfig",
		"Config", "Config.ConnConfig", "Config.MaxConns", "Config.MinConns",
		"Pool.Acquire", "Pool.AcquireFunc", "Pool.AcquireAllIdle", "Pool.Begin", "Pool.BeginTx", "Pool.Query",
		"Pool.QueryRow", "Pool.Exec", "Pool.SendBatch", "Pool.CopyFrom", "Pool.Close", "Pool.Ping", "Pool.Stat",
		"Pool.Config", "Pool.Reset",
		"Conn", "Conn.Release", "Conn.Hijack", "Conn.Conn", "Conn.Query", "Conn.QueryRow", "Conn.Exec",
		"Conn.Begin", "Conn.BeginTx", "Conn.SendBatch", "Conn.CopyFrom", "Conn.Ping",
		"Tx", "Tx.Commit", "Tx.Rollback", "Stat", "Stat.TotalConns",
		"AcquireTracer", "ReleaseTracer", "TraceAcquireStartData", "TraceAcquireEndData", "TraceReleaseData",
	},
	"github.com/jackc/pgx/v5/pgconn": {
		"CommandTag", "CommandTag.String", "CommandTag.RowsAffected", "CommandTag.Insert", "CommandTag.Update",
		"CommandTag.Delete", "CommandTag.Select",
		"FieldDescription", "PgConn", "StatementDescription", "PgError", "PgError.Error", "Notification",
	},
	"github.com/jackc/pgx/v5/pgtype": {"Map"},
}

// minCompared is a floor on the number of declarations compared, so that a loading problem
// that leaves the stub packages (nearly) empty cannot make the test pass vacuously.
const minCompared = 300

func TestStubsMatchRealPgx(t *testing.T) {
	testdata := TestData()
	repoRoot := filepath.Dir(testdata)

	// Stubs: GOPATH mode over testdata, exactly as analysistest loads them.
	stubs := load(t, &packages.Config{
		Dir: testdata,
		Env: append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOFLAGS=", "GOPROXY=off"),
	}, "")
	// Real pgx: module mode from the repository root, i.e. the version go.mod requires.
	realPkgs := load(t, &packages.Config{Dir: repoRoot},
		"go.mod must require github.com/jackc/pgx/v5 "+pgxVersion+" and the modules its packages import, e.g. via "+
			"`go get github.com/jackc/pgx/v5/pgxpool@"+pgxVersion+"`")

	for _, path := range stubbedPackages {
		stub, ok := stubs[path]
		if !ok {
			t.Fatalf("stub package %s not loaded", path)
		}
		if len(stub.GoFiles) == 0 {
			t.Fatalf("stub package %s has no Go files", path)
		}
		for _, f := range stub.GoFiles {
			if !strings.HasPrefix(f, filepath.Join(testdata, "src")+string(filepath.Separator)) {
				t.Fatalf("stub package %s resolved to %s, outside %s/src", path, f, testdata)
			}
		}
		r, ok := realPkgs[path]
		if !ok {
			t.Fatalf("real package %s not loaded", path)
		}
		if r.Module == nil || r.Module.Path != "github.com/jackc/pgx/v5" || r.Module.Version != pgxVersion {
			t.Fatalf("real package %s comes from module %+v; the stubs mirror github.com/jackc/pgx/v5 %s", path, r.Module, pgxVersion)
		}
	}

	c := &comparer{t: t}
	for _, path := range stubbedPackages {
		c.comparePackage(stubs[path].Types, realPkgs[path].Types)
		checkRequired(t, stubs[path].Types, requiredDecls[path])
	}
	t.Logf("compared %d declarations (package-level objects, struct fields, methods, interface methods)", c.compared)
	if c.compared < minCompared {
		t.Errorf("only %d declarations compared, want at least %d: are the stubs loaded?", c.compared, minCompared)
	}
}

// load loads stubbedPackages with cfg and fails the test on any error, adding hint if not empty.
func load(t *testing.T, cfg *packages.Config, hint string) map[string]*packages.Package {
	t.Helper()
	cfg.Mode = packages.NeedName | packages.NeedFiles | packages.NeedModule | packages.NeedTypes |
		packages.NeedSyntax | packages.NeedTypesInfo
	pkgs, err := packages.Load(cfg, stubbedPackages...)
	if err != nil {
		t.Fatalf("loading %v in %s: %v %s", stubbedPackages, cfg.Dir, err, hint)
	}
	byPath := make(map[string]*packages.Package)
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("loading %s in %s: %v", p.PkgPath, cfg.Dir, e)
		}
		byPath[p.PkgPath] = p
	}
	if t.Failed() {
		if hint != "" {
			t.Log(hint)
		}
		t.FailNow()
	}
	return byPath
}

// checkRequired reports each name of required missing from the stub package pkg.
func checkRequired(t *testing.T, pkg *types.Package, required []string) {
	t.Helper()
	for _, name := range required {
		typeName, member, isMember := strings.Cut(name, ".")
		obj := pkg.Scope().Lookup(typeName)
		if obj == nil {
			t.Errorf("%s: stub lacks required declaration %s", pkg.Path(), typeName)
			continue
		}
		if !isMember {
			continue
		}
		if sel, _, _ := types.LookupFieldOrMethod(types.NewPointer(obj.Type()), true, pkg, member); sel == nil {
			t.Errorf("%s: stub lacks required field or method %s", pkg.Path(), name)
		}
	}
}

type comparer struct {
	t        *testing.T
	compared int
}

func (c *comparer) errorf(format string, args ...any) {
	c.t.Helper()
	c.t.Errorf(format, args...)
}

// qualifier prints packages by path, so that types from the stub and the real universe print alike.
func qualifier(p *types.Package) string { return p.Path() }

func typeString(t types.Type) string { return types.TypeString(t, qualifier) }

// objString describes an object for error messages.
func objString(obj types.Object) string {
	return types.ObjectString(obj, qualifier)
}

// comparePackage compares every package-level object declared by the stub package with the real
// object of the same name.
func (c *comparer) comparePackage(stub, real *types.Package) {
	c.t.Helper()
	if stub.Name() != real.Name() {
		c.errorf("%s: stub package name %q, real %q", stub.Path(), stub.Name(), real.Name())
	}
	for _, name := range stub.Scope().Names() { // sorted
		s := stub.Scope().Lookup(name)
		r := real.Scope().Lookup(name)
		where := stub.Path() + "." + name
		if r == nil {
			c.errorf("%s: declared by the stub but does not exist in pgx %s", where, pgxVersion)
			continue
		}
		c.compared++
		if ks, kr := objKind(s), objKind(r); ks != kr {
			c.errorf("%s: stub declares a %s, real is a %s (%s)", where, ks, kr, objString(r))
			continue
		}
		switch s := s.(type) {
		case *types.Const:
			r := r.(*types.Const)
			if ts, tr := typeString(s.Type()), typeString(r.Type()); ts != tr {
				c.errorf("%s: stub constant type %s, real %s", where, ts, tr)
			}
			if vs, vr := s.Val().ExactString(), r.Val().ExactString(); vs != vr {
				c.errorf("%s: stub constant value %s, real %s", where, vs, vr)
			}
		case *types.Var:
			if ts, tr := typeString(s.Type()), typeString(r.Type()); ts != tr {
				c.errorf("%s: stub variable type %s, real %s", where, ts, tr)
			}
		case *types.Func:
			if ts, tr := typeString(s.Type()), typeString(r.Type()); ts != tr {
				c.errorf("%s: stub signature\n\t%s\nreal signature\n\t%s", where, ts, tr)
			}
		case *types.TypeName:
			c.compareTypeName(where, s, r.(*types.TypeName))
		default:
			c.errorf("%s: unexpected object %s", where, objString(s))
		}
	}
}

func objKind(obj types.Object) string {
	switch obj := obj.(type) {
	case *types.Const:
		return "constant"
	case *types.Var:
		return "variable"
	case *types.Func:
		return "function"
	case *types.TypeName:
		if obj.IsAlias() {
			return "type alias"
		}
		return "defined type"
	default:
		return fmt.Sprintf("%T", obj)
	}
}

// compareTypeName compares a type declaration: its type parameters, the kind of its underlying type
// and, by kind, the struct fields the stub declares, the complete method set of an interface, or
// the whole underlying type; then the methods the stub declares on it.
func (c *comparer) compareTypeName(where string, s, r *types.TypeName) {
	c.t.Helper()
	if s.IsAlias() {
		// No stubbed declaration is an alias today; compare what the alias denotes.
		if ts, tr := typeString(types.Unalias(s.Type())), typeString(types.Unalias(r.Type())); ts != tr {
			c.errorf("%s: stub alias of %s, real alias of %s", where, ts, tr)
		}
		return
	}
	sn, rn := s.Type().(*types.Named), r.Type().(*types.Named)
	if ts, tr := typeParamsString(sn.TypeParams()), typeParamsString(rn.TypeParams()); ts != tr {
		c.errorf("%s: stub type parameters %s, real %s", where, ts, tr)
	}
	su, ru := sn.Underlying(), rn.Underlying()
	if ks, kr := underlyingKind(su), underlyingKind(ru); ks != kr {
		c.errorf("%s: stub underlying type is of kind %s, real is of kind %s (%s)", where, ks, kr, typeString(ru))
		return
	}
	switch su := su.(type) {
	case *types.Struct:
		c.compareStruct(where, su, ru.(*types.Struct))
	case *types.Interface:
		c.compareInterface(where, su, ru.(*types.Interface))
	default:
		if ts, tr := typeString(su), typeString(ru); ts != tr {
			c.errorf("%s: stub underlying type %s, real %s", where, ts, tr)
		}
	}
	if _, ok := su.(*types.Interface); !ok {
		c.compareMethods(where, sn, rn)
	}
}

func typeParamsString(list *types.TypeParamList) string {
	var parts []string
	for i := 0; i < list.Len(); i++ {
		tp := list.At(i)
		parts = append(parts, tp.Obj().Name()+" "+typeString(tp.Constraint()))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func underlyingKind(t types.Type) string {
	switch t.(type) {
	case *types.Struct:
		return "struct"
	case *types.Interface:
		return "interface"
	case *types.Basic:
		return "basic"
	case *types.Pointer:
		return "pointer"
	case *types.Slice:
		return "slice"
	case *types.Array:
		return "array"
	case *types.Map:
		return "map"
	case *types.Chan:
		return "channel"
	case *types.Signature:
		return "func"
	default:
		return fmt.Sprintf("%T", t)
	}
}

// compareStruct checks every field the stub declares against the real field of the same name.
// Stubs may omit fields (real structs are often opaque in the stubs) but never declare a field
// the real struct lacks or give it another type.
func (c *comparer) compareStruct(where string, s, r *types.Struct) {
	c.t.Helper()
	realFields := make(map[string]*types.Var)
	for i := 0; i < r.NumFields(); i++ {
		realFields[r.Field(i).Name()] = r.Field(i)
	}
	for i := 0; i < s.NumFields(); i++ {
		sf := s.Field(i)
		fwhere := where + "." + sf.Name()
		rf, ok := realFields[sf.Name()]
		if !ok {
			c.errorf("%s: stub field does not exist in the real struct", fwhere)
			continue
		}
		c.compared++
		if ts, tr := typeString(sf.Type()), typeString(rf.Type()); ts != tr {
			c.errorf("%s: stub field type %s, real %s", fwhere, ts, tr)
		}
		if sf.Embedded() != rf.Embedded() {
			c.errorf("%s: stub field embedded=%v, real embedded=%v", fwhere, sf.Embedded(), rf.Embedded())
		}
	}
}

// compareInterface requires the stub interface to have exactly the real method set.
func (c *comparer) compareInterface(where string, s, r *types.Interface) {
	c.t.Helper()
	realMethods := make(map[string]*types.Func)
	for i := 0; i < r.NumMethods(); i++ {
		realMethods[r.Method(i).Name()] = r.Method(i)
	}
	for i := 0; i < s.NumMethods(); i++ {
		sm := s.Method(i)
		rm, ok := realMethods[sm.Name()]
		if !ok {
			c.errorf("%s.%s: stub interface method does not exist in the real interface", where, sm.Name())
			continue
		}
		delete(realMethods, sm.Name())
		c.compared++
		if ts, tr := typeString(sm.Type()), typeString(rm.Type()); ts != tr {
			c.errorf("%s.%s: stub interface method\n\t%s\nreal\n\t%s", where, sm.Name(), ts, tr)
		}
	}
	for _, name := range sortedKeys(realMethods) {
		c.errorf("%s.%s: real interface method missing from the stub interface (method sets must be identical): %s",
			where, name, typeString(realMethods[name].Type()))
	}
	if s.IsComparable() != r.IsComparable() || s.IsMethodSet() != r.IsMethodSet() {
		c.errorf("%s: stub interface type set differs from the real one (%s vs %s)", where, typeString(s), typeString(r))
	}
}

// compareMethods checks every method in the stub's method sets of T and *T (declared or promoted)
// against the real method: same signature, and in the value method set of T in both or in neither
// (i.e. the same receiver kind).
func (c *comparer) compareMethods(where string, s, r *types.Named) {
	c.t.Helper()
	sPtr, rPtr := types.NewMethodSet(types.NewPointer(s)), types.NewMethodSet(types.NewPointer(r))
	sVal, rVal := types.NewMethodSet(s), types.NewMethodSet(r)
	for i := 0; i < sPtr.Len(); i++ {
		sm := sPtr.At(i).Obj().(*types.Func)
		mwhere := where + "." + sm.Name()
		// By sm's package: a method promoted from an embedded type of
		// another package (sqlx.Rows embeds *sql.Rows) may be unexported;
		// method identity is by package path, the same in both universes.
		rsel := rPtr.Lookup(sm.Pkg(), sm.Name())
		if rsel == nil {
			c.errorf("%s: stub method does not exist on the real type", mwhere)
			continue
		}
		c.compared++
		rm := rsel.Obj().(*types.Func)
		if ts, tr := typeString(sm.Type()), typeString(rm.Type()); ts != tr {
			c.errorf("%s: stub method signature\n\t%s\nreal\n\t%s", mwhere, ts, tr)
		}
		inS, inR := sVal.Lookup(sm.Pkg(), sm.Name()) != nil, rVal.Lookup(sm.Pkg(), sm.Name()) != nil
		if inS != inR {
			c.errorf("%s: stub method in the value method set: %v, real: %v (receiver kind differs)", mwhere, inS, inR)
		}
		if ds, dr := len(sPtr.At(i).Index()), len(rsel.Index()); ds != dr {
			c.errorf("%s: stub method found at embedding depth %d, real at depth %d", mwhere, ds-1, dr-1)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
