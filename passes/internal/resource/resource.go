// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package resource is dbleaklint's model of database resources: which
// types must be released, which calls acquire them, which calls release
// them, and which library calls release them as a side effect.
//
// Everything is matched by type identity: a type is named by its
// package path and name, a function by its [types.Func.FullName]. A
// user type that happens to have Begin and Commit methods is not a
// transaction.
package resource

import (
	"go/types"
	"strings"

	"github.com/dbleaklint/dbleaklint/internal/reach"
)

// A Type describes one resource type and its release contract.
type Type struct {
	// Key is the type as [TypeKey] prints it, for example
	// "*database/sql.Rows" or "github.com/jackc/pgx/v5.Rows".
	Key string

	// Check is the name of the analyzer that reports leaks of this type.
	Check string

	// Noun names the resource in messages ("rows", "transaction").
	Noun string

	// Releases lists the methods that release the resource.
	Releases []string

	// Missing says in messages what did not happen ("closed").
	Missing string

	// Fix is the fix a message suggests; %s is the variable.
	Fix string

	// NextFalseReleases: Next returning false releases the resource.
	NextFalseReleases bool

	// ScanErrorReleases: a non-nil error from Scan or Values releases
	// it (pgx: both fail through rows.fatal, which closes the rows).
	ScanErrorReleases bool

	// ErrMeansEmpty: a non-nil error from the Err method means
	// nothing is held (database/sql's Row holds no rows; its Rows are
	// closed).
	ErrMeansEmpty bool

	// EndClosesResults: ending this transaction (Commit or Rollback)
	// closes the rows queried on it (database/sql's Tx cancels its
	// context, and the rows close with it). pgx's does not: the
	// connection stays busy.
	EndClosesResults bool

	// Savepoints: Begin on this transaction opens a savepoint (pgx's
	// nested transaction), which holds nothing of its own and ends
	// with its parent: a Commit of the parent releases it, a Rollback
	// rolls it back. Using the parent while it is open is no leak.
	Savepoints bool

	// Handles lists the methods that return the resource's underlying
	// handle, through which it can be released too: closing
	// conn.PgConn() closes the *pgx.Conn.
	Handles []string

	// Embedded names the embedded field through whose promoted methods
	// the resource is used and released: *sqlx.Rows embeds *sql.Rows,
	// so rows.Close() is (*sql.Rows).Close on the field "Rows".
	Embedded string
}

// IsHandle reports whether the method returns a handle of t.
func (t *Type) IsHandle(method string) bool {
	for _, m := range t.Handles {
		if m == method {
			return true
		}
	}
	return false
}

// IsRelease reports whether the method name releases t.
func (t *Type) IsRelease(method string) bool {
	for _, m := range t.Releases {
		if m == method {
			return true
		}
	}
	return false
}

// TypeKey returns the key of a named type or a pointer to one, such as
// "*database/sql.Rows", or "" for other types.
func TypeKey(t types.Type) string {
	ptr := ""
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		ptr, t = "*", p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return ptr + n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// A Model is the set of resources the analysis knows: the built-in
// table for database/sql and pgx v5, plus user entries.
type Model struct {
	types     map[string]*Type
	acquirers map[string]string // function FullName -> type key
	releasers map[string]int    // function FullName -> index of released argument
	borrowers map[string]int    // function FullName -> index of an argument it only borrows
	// ifaceAcquirers names the interface methods that acquire a resource
	// when their first result is a resource type.
	ifaceAcquirers map[string]bool
	roots          []string // the packages declaring resource types
	specs          []Spec   // the user-defined resources
}

// TypeOf returns the resource type of t, or nil.
func (m *Model) TypeOf(t types.Type) *Type {
	return m.types[TypeKey(t)]
}

// Lookup returns the resource type with the given key, or nil.
func (m *Model) Lookup(key string) *Type { return m.types[key] }

// Types returns every resource type, in table order is not guaranteed.
func (m *Model) Types() []*Type {
	out := make([]*Type, 0, len(m.types))
	for _, t := range m.types {
		out = append(out, t)
	}
	return out
}

// Roots returns the packages that declare the model's resource types,
// built in and user-declared: only they and the packages that import
// them, directly or not, can hold a resource (see [reach.Graph]).
func (m *Model) Roots() reach.Roots {
	return reach.NewRoots(m.roots)
}

// ReleasedArg returns the index of the argument that fn releases as a
// side effect (pgx.CollectRows releases its rows), or -1.
func (m *Model) ReleasedArg(fn *types.Func) int {
	if i, ok := m.releasers[funcKey(fn)]; ok {
		return i
	}
	return -1
}

// BorrowedArg returns the index of an argument that fn takes a resource
// in and leaves to the caller (sql.Tx.Stmt makes a transaction's copy
// of the statement it is handed, which stays the caller's to close), or
// -1. As for ReleasedArg, a method's receiver is argument 0.
func (m *Model) BorrowedArg(fn *types.Func) int {
	if i, ok := m.borrowers[funcKey(fn)]; ok {
		return i
	}
	return -1
}

// Acquired returns the resource type that a call to the static callee fn
// acquires in its first result, or nil.
func (m *Model) Acquired(fn *types.Func) *Type {
	if key, ok := m.acquirers[funcKey(fn)]; ok {
		return m.types[key]
	}
	return nil
}

// AcquiredByInterface returns the resource type that a dynamic call of
// the interface method fn acquires, or nil. Only methods whose name is
// one of the acquiring names of the table and whose first result is a
// resource type qualify: pgx.Tx.Query and an sqlc DBTX.Query do, while
// pgx.Tx.Conn, a getter, does not.
func (m *Model) AcquiredByInterface(fn *types.Func) *Type {
	if !m.ifaceAcquirers[fn.Name()] {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() == 0 {
		return nil
	}
	return m.TypeOf(sig.Results().At(0).Type())
}

// PreparesOnArg reports whether fn prepares a statement on one of its
// arguments (sqlx.Preparex(p, query)), and which: a statement prepared
// on a transaction closes with it and carries no obligation.
func (m *Model) PreparesOnArg(fn *types.Func) (int, bool) {
	if !inPackage(fn, sqlxPkg) {
		return 0, false
	}
	i, ok := stmtOnArg[funcKey(fn)]
	return i, ok
}

// AcquiresNothing reports whether the table knows that a call of fn
// gives its caller nothing to release (sqlx's statements of a
// transaction, and its Unsafe copies), whatever fn's body looks like.
func (m *Model) AcquiresNothing(fn *types.Func) bool {
	return inPackage(fn, sqlxPkg) && acquireNothing[funcKey(fn)]
}

// inPackage reports whether fn belongs to the package path: a test that
// costs no allocation, unlike funcKey, made before it on every call.
func inPackage(fn *types.Func, path string) bool {
	return fn.Pkg() != nil && fn.Pkg().Path() == path
}

// IsTransaction reports whether t is a transaction type of the model.
func (m *Model) IsTransaction(t types.Type) bool {
	r := m.TypeOf(t)
	return r != nil && r.Check == "txend"
}

// funcKey is the table key of a function: the FullName of its generic
// origin, so that instantiations of pgx.CollectRows match.
func funcKey(fn *types.Func) string {
	return fn.Origin().FullName()
}

// WithTypes returns a model that knows the types ts too: the wrapper
// types found by the analysis. Each type is known by its key and, for a
// pointer key, by the type it points to as well.
func (m *Model) WithTypes(ts []*Type) *Model {
	if len(ts) == 0 {
		return m
	}
	out := *m
	out.types = make(map[string]*Type, len(m.types)+2*len(ts))
	for k, t := range m.types {
		out.types[k] = t
	}
	for _, t := range ts {
		if m.types[t.Key] != nil {
			continue // the table knows it better (sqlx's NamedStmt)
		}
		out.types[t.Key] = t
		if elem, ok := strings.CutPrefix(t.Key, "*"); ok && out.types[elem] == nil {
			out.types[elem] = t
		}
	}
	return &out
}
