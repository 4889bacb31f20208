// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package resource

// What the analyses know of libraries besides their resources (table.go)
// and the functions that never return (noreturn.go): which packages only
// read their arguments, testify's assertions, the scoped helpers, the
// functions that start or wait for goroutines, and the raw methods of
// the pool that the runtime's helpers replace. Functions are named by
// types.Func.FullName, packages by import path.

// RuntimePath is the import path of dbleaklint's runtime package, whose
// helpers are scoped and whose pool is the pgxpool's.
const RuntimePath = "github.com/dbleaklint/dbleaklint/runtime"

// borrowingPkgs are packages whose functions only read their arguments:
// printing or logging a resource does not take it over.
var borrowingPkgs = map[string]bool{
	"fmt":      true,
	"log":      true,
	"log/slog": true,
	"errors":   true,
}

// BorrowingPackage reports whether the functions of the package only
// read their arguments.
func BorrowingPackage(path string) bool { return borrowingPkgs[path] }

// testifyPkgs are testify's assertion packages, whose Error, NoError,
// False ... say what a test expects as branches would.
var testifyPkgs = map[string]bool{
	"github.com/stretchr/testify/assert":  true,
	"github.com/stretchr/testify/require": true,
}

// TestifyPackage reports whether the package is one of testify's
// assertion packages.
func TestifyPackage(path string) bool { return testifyPkgs[path] }

// A ScopedHelper is a function that hands a connection or a transaction
// to a callback (its last argument) and ends it when the callback
// returns.
type ScopedHelper struct {
	Name string // in messages
	Noun string // what the callback receives
	End  string // what happens to it when the callback returns
}

// scopedHelpers lists the helpers whose callbacks scopeescape checks.
var scopedHelpers = map[string]ScopedHelper{
	"(*" + RuntimePath + ".Pool).WithConn":                {"(*dbleakrt.Pool).WithConn", "connection", "released"},
	"(*" + RuntimePath + ".Pool).WithTx":                  {"(*dbleakrt.Pool).WithTx", "transaction", "committed or rolled back"},
	RuntimePath + ".Savepoint":                            {"dbleakrt.Savepoint", "transaction", "released or rolled back"},
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).AcquireFunc": {"(*pgxpool.Pool).AcquireFunc", "connection", "released"},
	"github.com/jackc/pgx/v5.BeginFunc":                   {"pgx.BeginFunc", "transaction", "committed or rolled back"},
	"github.com/jackc/pgx/v5.BeginTxFunc":                 {"pgx.BeginTxFunc", "transaction", "committed or rolled back"},
}

// ScopedHelperOf returns the scoped helper of that FullName, if it is one.
func ScopedHelperOf(fullName string) (ScopedHelper, bool) {
	h, ok := scopedHelpers[fullName]
	return h, ok
}

// goStarters run their function argument in a new goroutine.
var goStarters = map[string]bool{
	"(*sync.WaitGroup).Go":                   true,
	"(*golang.org/x/sync/errgroup.Group).Go": true,
}

// StartsGoroutine reports whether the function runs its function
// argument in a new goroutine.
func StartsGoroutine(fullName string) bool { return goStarters[fullName] }

// mapStores store their arguments in the map that is their receiver.
var mapStores = map[string]bool{
	"(*sync.Map).Store":       true,
	"(*sync.Map).LoadOrStore": true,
	"(*sync.Map).Swap":        true,
}

// StoresInMap reports whether the method stores its arguments in the
// map that is its receiver.
func StoresInMap(fullName string) bool { return mapStores[fullName] }

// waitFuncs block until other goroutines are done.
var waitFuncs = map[string]bool{
	"(*sync.WaitGroup).Wait":                   true,
	"(*golang.org/x/sync/errgroup.Group).Wait": true,
	"(*sync.Cond).Wait":                        true,
}

// Waits reports whether the function blocks until other goroutines are
// done.
func Waits(fullName string) bool { return waitFuncs[fullName] }

// rawPoolAdvice maps the methods of *pgxpool.Pool that hand out a
// connection, or a value holding one, to the helper of the runtime
// package to use instead and what the helper guarantees.
var rawPoolAdvice = map[string]string{
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).Acquire":   "use (*dbleakrt.Pool).WithConn so the connection is always released",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).Begin":     "use (*dbleakrt.Pool).WithTx so the transaction is always committed or rolled back",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).BeginTx":   "use (*dbleakrt.Pool).WithTx so the transaction is always committed or rolled back",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).Query":     "use (*dbleakrt.Pool).WithConn and query on its connection, so the connection is always released",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).QueryRow":  "use (*dbleakrt.Pool).WithConn and query on its connection, so the connection is always released",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).SendBatch": "use (*dbleakrt.Pool).WithConn or WithTx and send the batch on it, so the connection is always released",
}

// RawPoolAdvice returns, for a raw method of the pool that the runtime's
// helpers replace, the helper to use instead and why.
func RawPoolAdvice(fullName string) (string, bool) {
	a, ok := rawPoolAdvice[fullName]
	return a, ok
}
