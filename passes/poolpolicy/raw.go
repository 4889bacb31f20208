// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package poolpolicy

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// rawMethods maps the methods of *pgxpool.Pool that hand out a connection,
// or a value holding one, to the helper of the runtime package to use
// instead and what the helper guarantees.
var rawMethods = map[string]string{
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).Acquire":   "use (*dbleakrt.Pool).WithConn so the connection is always released",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).Begin":     "use (*dbleakrt.Pool).WithTx so the transaction is always committed or rolled back",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).BeginTx":   "use (*dbleakrt.Pool).WithTx so the transaction is always committed or rolled back",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).Query":     "use (*dbleakrt.Pool).WithConn and query on its connection, so the connection is always released",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).QueryRow":  "use (*dbleakrt.Pool).WithConn and query on its connection, so the connection is always released",
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).SendBatch": "use (*dbleakrt.Pool).WithConn or WithTx and send the batch on it, so the connection is always released",
}

// checkRawCalls reports every use of a method of rawMethods: calls, method
// values and method expressions alike, since each hands the raw pool's
// acquisition to code that must then release by hand.
func checkRawCalls(pass *analysis.Pass, report func(analysis.Diagnostic)) {
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
			if advice, ok := rawMethods[fn.Origin().FullName()]; ok {
				report(analysis.Diagnostic{
					Pos:     sel.Sel.Pos(),
					Message: fmt.Sprintf("raw (*pgxpool.Pool).%s outside the allowed packages; %s", fn.Name(), advice),
				})
			}
			return true
		})
	}
}
