package testutil

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// The stubs of sqlx and pgx v4 under testdata/src are checked as the pgx
// v5 stubs are, against the real modules that testdata/mod/realsqlx and
// testdata/mod/realpgxv4 require (the trees their real-module cases
// run in, internal/realmods).

// A stubbedModule is a module stubbed under testdata/src, the module
// tree that requires the real one, and the declarations the checks and
// their cases rely on.
type stubbedModule struct {
	dir      string // under testdata/mod
	module   string
	version  string
	packages map[string][]string // import path -> required declarations
	min      int                 // floor on the declarations compared
}

var stubbedModules = []stubbedModule{
	{
		dir: "realsqlx", module: "github.com/jmoiron/sqlx", version: "v1.4.0",
		packages: map[string][]string{
			"github.com/jmoiron/sqlx": {
				"DB", "DB.Queryx", "DB.QueryxContext", "DB.QueryRowx", "DB.QueryRowxContext", "DB.NamedQuery",
				"DB.NamedQueryContext", "DB.Beginx", "DB.BeginTxx", "DB.MustBegin", "DB.MustBeginTx", "DB.Connx",
				"DB.Preparex", "DB.PreparexContext", "DB.PrepareNamed", "DB.PrepareNamedContext", "DB.Select", "DB.Get",
				"Tx", "Tx.Queryx", "Tx.QueryRowx", "Tx.NamedQuery", "Tx.Preparex", "Tx.PrepareNamed",
				"Conn", "Conn.BeginTxx", "Conn.QueryxContext", "Conn.PreparexContext",
				"Stmt", "Stmt.Queryx", "NamedStmt", "NamedStmt.Close", "NamedStmt.Query", "NamedStmt.QueryRow",
				"Rows", "Rows.StructScan", "Row", "Row.Scan", "Row.StructScan", "Row.MapScan", "Row.SliceScan", "Row.Err",
				"NamedQuery", "NamedQueryContext", "Preparex", "PreparexContext", "Select", "Get", "Queryer", "Preparer",
			},
		},
		min: 150,
	},
	{
		dir: "realpgxv4", module: "github.com/jackc/pgx/v4", version: "v4.18.3",
		packages: map[string][]string{
			"github.com/jackc/pgx/v4": {
				"Connect", "ConnectConfig", "Conn", "Conn.Close", "Conn.Query", "Conn.QueryRow", "Conn.QueryFunc",
				"Conn.Begin", "Conn.BeginTx", "Conn.BeginFunc", "Conn.SendBatch", "Conn.PgConn",
				"Rows", "Row", "Tx", "BatchResults", "Batch", "TxOptions",
			},
			"github.com/jackc/pgx/v4/pgxpool": {
				"Pool", "Pool.Acquire", "Pool.AcquireFunc", "Pool.Begin", "Pool.BeginTx", "Pool.BeginFunc",
				"Pool.BeginTxFunc", "Pool.Query", "Pool.QueryRow", "Pool.QueryFunc", "Pool.Exec", "Pool.SendBatch",
				"Conn", "Conn.Release", "Conn.Hijack", "Tx", "Tx.Commit", "Tx.Rollback",
			},
		},
		min: 100,
	},
	{
		// pgx v4's own dependencies, which its stubs need.
		dir: "realpgxv4", module: "github.com/jackc/pgconn", version: "v1.14.3",
		packages: map[string][]string{"github.com/jackc/pgconn": {"CommandTag", "PgConn", "StatementDescription"}},
		min:      8,
	},
	{
		dir: "realpgxv4", module: "github.com/jackc/pgproto3/v2", version: "v2.3.3",
		packages: map[string][]string{"github.com/jackc/pgproto3/v2": {"FieldDescription"}},
		min:      1,
	},
}

func TestStubsMatchRealModules(t *testing.T) {
	testdata := TestData()
	for _, m := range stubbedModules {
		t.Run(m.module, func(t *testing.T) {
			dir := filepath.Join(testdata, "mod", m.dir)
			DownloadModules(t, dir)
			var paths []string
			for p := range m.packages {
				paths = append(paths, p)
			}
			stubs := loadPaths(t, &packages.Config{
				Dir: testdata,
				Env: append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOFLAGS=", "GOPROXY=off"),
			}, paths)
			realPkgs := loadPaths(t, &packages.Config{
				Dir: dir,
				Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off"),
			}, paths)
			c := &comparer{t: t}
			for _, path := range paths {
				stub, real := stubs[path], realPkgs[path]
				for _, f := range stub.GoFiles {
					if !strings.HasPrefix(f, filepath.Join(testdata, "src")+string(filepath.Separator)) {
						t.Fatalf("stub package %s resolved to %s, outside %s/src", path, f, testdata)
					}
				}
				if real.Module == nil || real.Module.Path != m.module || real.Module.Version != m.version {
					t.Fatalf("real package %s comes from module %+v; the stubs mirror %s %s", path, real.Module, m.module, m.version)
				}
				c.comparePackage(stub.Types, real.Types)
				checkRequired(t, stub.Types, m.packages[path])
			}
			t.Logf("compared %d declarations", c.compared)
			if c.compared < m.min {
				t.Errorf("only %d declarations compared, want at least %d: are the stubs loaded?", c.compared, m.min)
			}
		})
	}
}

// loadPaths loads paths with cfg and fails the test on any error.
func loadPaths(t *testing.T, cfg *packages.Config, paths []string) map[string]*packages.Package {
	t.Helper()
	cfg.Mode = packages.NeedName | packages.NeedFiles | packages.NeedModule | packages.NeedTypes
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		t.Fatalf("loading %v in %s: %v", paths, cfg.Dir, err)
	}
	byPath := make(map[string]*packages.Package)
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("loading %s in %s: %v", p.PkgPath, cfg.Dir, e)
		}
		byPath[p.PkgPath] = p
	}
	if t.Failed() {
		t.FailNow()
	}
	return byPath
}
