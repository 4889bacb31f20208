// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// sqlx's types embed database/sql's: *sqlx.Rows embeds *sql.Rows, and
// rows.Close() is built as a load of the embedded field followed by a
// call of (*sql.Rows).Close. The loads of that field are the resource
// too, so that the promoted Close, Next, Commit and Rollback release it
// and any other promoted method borrows it.

// addEmbedded adds the loads of fa when fa is the address of the
// resource's embedded field in v, an alias of the resource.
func (a *aliases) addEmbedded(v ssa.Value, fa *ssa.FieldAddr) {
	if a.typ.Embedded == "" || fa.X != v {
		return
	}
	ptr, ok := v.Type().Underlying().(*types.Pointer)
	if !ok {
		return
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return
	}
	if f := st.Field(fa.Field); !f.Embedded() || f.Name() != a.typ.Embedded {
		return
	}
	if refs := fa.Referrers(); refs != nil {
		for _, r := range *refs {
			if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL {
				a.addValue(load)
			}
		}
	}
}

// acquiresNothing reports whether the call c of fn is known to give its
// caller nothing to release, whatever the function's body or fact says:
// sqlx's statements prepared on a transaction close with it, and its
// Unsafe copies are handles of their receiver.
func (e *engine) acquiresNothing(fn *types.Func, c *ssa.CallCommon) bool {
	return e.model.AcquiresNothing(fn) || e.preparedOnTx(fn, c)
}

// preparedOnTx reports whether the call c of fn prepares a statement on
// a transaction (sqlx.Preparex(tx, query)), or may: such a statement
// closes with the transaction, so the call acquires nothing. Passed an
// interface value whose dynamic type is unknown, it cannot tell, and
// precision comes first.
func (e *engine) preparedOnTx(fn *types.Func, c *ssa.CallCommon) bool {
	i, ok := e.model.PreparesOnArg(fn)
	if !ok || i >= len(c.Args) {
		return false
	}
	arg := c.Args[i]
	if mi, ok := arg.(*ssa.MakeInterface); ok {
		arg = mi.X
	}
	return types.IsInterface(arg.Type()) || e.model.IsTransaction(arg.Type())
}
