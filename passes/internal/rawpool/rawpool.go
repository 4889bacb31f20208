// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package rawpool finds the uses of the methods of *pgxpool.Pool that
// hand out a connection, or a value holding one, for the caller to
// release by hand, and holds the policy that says where they are
// findings (policy.go): what the poolpolicy check reports, and what the
// ignore analyzer counts as findings a directive may silence.
package rawpool

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// advice maps the methods of *pgxpool.Pool that hand out a connection,
// or a value holding one, by types.Func.FullName, to the helper of the
// runtime package to use instead and what the helper guarantees.
var advice = map[string]string{
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).Acquire":   "use (*dbleakrt.Pool).WithConn so the connection is always released",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).Begin":     "use (*dbleakrt.Pool).WithTx so the transaction is always committed or rolled back",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).BeginTx":   "use (*dbleakrt.Pool).WithTx so the transaction is always committed or rolled back",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).Query":     "use (*dbleakrt.Pool).WithConn and query on its connection, so the connection is always released",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).QueryRow":  "use (*dbleakrt.Pool).WithConn and query on its connection, so the connection is always released",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).SendBatch": "use (*dbleakrt.Pool).WithConn or WithTx and send the batch on it, so the connection is always released",
}

// A Use is a use of a raw method: a call, a method value or a method
// expression, since each hands the raw pool's acquisition to code that
// must then release by hand.
type Use struct {
	Pos    token.Pos // the method's name
	Method string    // Acquire, Begin, ...
	Advice string    // the helper to use instead, and why
}

// Uses returns the uses of raw methods in the files of the pass, in
// source order.
func Uses(pass *analysis.Pass) []Use {
	var uses []Use
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			fn, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func)
			if !ok {
				return true
			}
			if a, ok := advice[fn.Origin().FullName()]; ok {
				uses = append(uses, Use{Pos: sel.Sel.Pos(), Method: fn.Name(), Advice: a})
			}
			return true
		})
	}
	return uses
}
