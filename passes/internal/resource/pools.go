// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package resource

import "go/types"

// Pools: the calls that take a connection from a pool, for the check of
// acquiring while holding (nestedacquire). A pool is a *pgxpool.Pool (v5
// or v4), a *sql.DB, an *sqlx.DB or the runtime package's *Pool.

// A PoolCall is a call that takes a connection from the pool passed as
// argument Pool (0, the receiver, for a method).
type PoolCall struct {
	Pool int
	// Holds is what the call gives its caller to hold, taken from the
	// pool: "connection", "transaction", or "" when the call gives the
	// connection back before it returns (Exec, Query, QueryRow: their
	// rows are other resources).
	Holds string
	// Callback is the index of the function argument that runs while
	// the connection or transaction is held (AcquireFunc, BeginFunc,
	// WithConn, WithTx), counting the receiver of a method as 0, or -1:
	// then the call's result is held.
	Callback int
}

// poolTypes are the keys of the pool types.
var poolTypes = map[string]bool{
	"*" + poolPkg + ".Pool":      true,
	"*" + pgxV4PoolPkg + ".Pool": true,
	"*" + sqlPkg + ".DB":         true,
	"*" + sqlxPkg + ".DB":        true,
	"*" + RuntimePath + ".Pool":  true,
}

// poolCalls maps the FullName of each call that takes a connection
// from a pool to its description.
var poolCalls = poolCallTable()

func poolCallTable() map[string]PoolCall {
	t := make(map[string]PoolCall)
	takes := func(recv string, methods ...string) {
		for _, m := range methods {
			t["("+recv+")."+m] = PoolCall{Callback: -1}
		}
	}
	holds := func(recv, noun string, methods ...string) {
		for _, m := range methods {
			t["("+recv+")."+m] = PoolCall{Holds: noun, Callback: -1}
		}
	}
	for _, pool := range []string{"*" + poolPkg + ".Pool", "*" + pgxV4PoolPkg + ".Pool"} {
		takes(pool, "Query", "QueryRow", "Exec", "SendBatch", "CopyFrom", "Ping")
		holds(pool, "connection", "Acquire")
		holds(pool, "transaction", "Begin", "BeginTx")
		t["("+pool+").AcquireFunc"] = PoolCall{Holds: "connection", Callback: 2}
	}
	takes("*"+pgxV4PoolPkg+".Pool", "QueryFunc")
	t["(*"+pgxV4PoolPkg+".Pool).BeginFunc"] = PoolCall{Holds: "transaction", Callback: 2}
	t["(*"+pgxV4PoolPkg+".Pool).BeginTxFunc"] = PoolCall{Holds: "transaction", Callback: 3}
	t[pgxPkg+".BeginFunc"] = PoolCall{Pool: 1, Holds: "transaction", Callback: 2}
	t[pgxPkg+".BeginTxFunc"] = PoolCall{Pool: 1, Holds: "transaction", Callback: 3}

	db := "*" + sqlPkg + ".DB"
	takes(db, "Query", "QueryContext", "QueryRow", "QueryRowContext", "Exec", "ExecContext",
		"Prepare", "PrepareContext", "Ping", "PingContext")
	holds(db, "transaction", "Begin", "BeginTx")
	holds(db, "connection", "Conn")

	xdb := "*" + sqlxPkg + ".DB"
	takes(xdb, "Queryx", "QueryxContext", "QueryRowx", "QueryRowxContext", "NamedQuery", "NamedQueryContext",
		"NamedExec", "NamedExecContext", "Select", "SelectContext", "Get", "GetContext", "MustExec", "MustExecContext",
		"Preparex", "PreparexContext", "PrepareNamed", "PrepareNamedContext")
	holds(xdb, "transaction", "Beginx", "BeginTxx", "MustBegin", "MustBeginTx")
	holds(xdb, "connection", "Connx")
	// sqlx's package functions, passed an *sqlx.DB (or a transaction,
	// which is no pool: the check tells them apart by type).
	for fn, arg := range map[string]int{
		"Select": 0, "Get": 0, "NamedQuery": 0, "NamedExec": 0, "Preparex": 0, "MustExec": 0,
		"SelectContext": 1, "GetContext": 1, "NamedQueryContext": 1, "NamedExecContext": 1,
		"PreparexContext": 1, "MustExecContext": 1,
	} {
		t[sqlxPkg+"."+fn] = PoolCall{Pool: arg, Callback: -1}
	}

	rt := "(*" + RuntimePath + ".Pool)."
	t[rt+"WithConn"] = PoolCall{Holds: "connection", Callback: 2}
	t[rt+"WithTx"] = PoolCall{Holds: "transaction", Callback: 3}
	return t
}

// PoolCallOf returns the description of a call of fn that takes a
// connection from a pool, or false.
func PoolCallOf(fn *types.Func) (PoolCall, bool) {
	// The package first: it costs no allocation, unlike the full name,
	// and almost every call is of another package.
	if fn.Pkg() == nil || !poolCallPkgs[fn.Pkg().Path()] {
		return PoolCall{}, false
	}
	c, ok := poolCalls[funcKey(fn)]
	return c, ok
}

// poolCallPkgs are the packages of the functions of poolCalls.
var poolCallPkgs = map[string]bool{
	sqlPkg: true, pgxPkg: true, poolPkg: true, pgxV4PoolPkg: true, sqlxPkg: true, RuntimePath: true,
}

// IsPool reports whether t is a pool type.
func IsPool(t types.Type) bool { return poolTypes[TypeKey(t)] }

// PoolAccessor reports whether fn returns the pool its receiver wraps
// (the runtime package's (*Pool).Pgx), so that both are the same pool.
func PoolAccessor(fn *types.Func) bool {
	return funcKey(fn) == "(*"+RuntimePath+".Pool).Pgx"
}

// EmbeddedPool reports whether field f of a struct of type t is the
// pool that t embeds: *sqlx.DB embeds *sql.DB, the same pool.
func EmbeddedPool(t types.Type, f *types.Var) bool {
	return f.Embedded() && TypeKey(t) == "*"+sqlxPkg+".DB" && TypeKey(f.Type()) == "*"+sqlPkg+".DB"
}
