// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package suggest builds the suggested fixes of dbleaklint's
// diagnostics: at most one per diagnostic, and only where the fix is
// mechanical, that is where inserting the canonical deferred release
// cannot change what the program means beyond ending the leak.
//
// The canonical form is the one the resource contracts document:
//
//	rows, err := db.QueryContext(ctx, q)
//	if err != nil {
//		return err
//	}
//	defer rows.Close()
//
// with conn.Release() for a pooled connection, conn.Close(ctx) for a
// *pgx.Conn, tx.Rollback(ctx) (database/sql: tx.Rollback()) for a
// transaction, which is a no-op after Commit, and br.Close() right after
// SendBatch, which returns no error. Rows from QueryRow are never fixed:
// what to scan is not mechanical.
//
// The fix is offered only for a finding whose leaking exits are
// returns, when the acquisition is a statement of its own,
//
//	v, err := <call>   or   v, err = <call>
//
// that assigns a local variable of the function, directly followed by
// "if err != nil { ... }" (no init, no else, a body that ends in a
// return, a panic or a call that never returns), outside any loop of
// the function (a defer there is the deferloop leak), and when every
// other use of v keeps ownership here: method calls on it, comparisons
// with nil, arguments to calls the engine followed. A variable that is
// returned, stored, reassigned, captured by a closure, used by a go or
// defer statement, or that the engine stopped following on some path
// gets no fix: deferring its release could release what someone else
// now owns, or release twice what is already released.
//
// The fix also removes an explicit release that the deferred one makes
// redundant, when it is provably the same call at the same point of its
// path (see redundant.go); the fix's message names each explicit
// release of the same method that it removes or keeps, and why it keeps
// it. -fix prints that message for each fix it applies.
package suggest

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// Fix returns the fix of finding f, one of the findings of res, or nil
// when the fix is not mechanical.
func Fix(pass *analysis.Pass, f *leakflow.Finding, res *leakflow.Result) *analysis.SuggestedFix {
	if f.Kind != leakflow.Return || f.Var == "" || f.Type.Check.Props().ReleasedByUse || f.Failed.IsValid() {
		return nil
	}
	s := findSite(pass, f.Acquire)
	if s == nil {
		return nil
	}
	for _, u := range res.Untracked {
		if u.Acquire == s.call.Lparen {
			return nil // handed over on some path: ownership is unclear
		}
	}
	v, ok := s.assign.Lhs[0].(*ast.Ident)
	if !ok || v.Name != f.Var {
		return nil
	}
	obj, ok := pass.TypesInfo.ObjectOf(v).(*types.Var)
	if !ok || obj.Pos() < s.body.Pos() || obj.Pos() >= s.body.End() {
		return nil // a parameter, a named result, a variable of an enclosing function
	}
	if resource.TypeKey(obj.Type()) != f.Type.Key {
		return nil
	}

	// The statement after which the release is deferred.
	after := -1
	where := "after the error check"
	switch len(s.assign.Lhs) {
	case 1:
		// Only SendBatch acquires with no error: its results are
		// never nil. A user-defined acquirer without an error
		// result may return nil, which a deferred release would
		// dereference.
		if f.Type.Check.Props().NeverNil {
			after, where = s.index, "after "+f.Callee
		}
	case 2:
		if s.index+1 < len(s.list) && isErrCheck(pass.TypesInfo, s.list[s.index+1], s.assign.Lhs[1]) {
			after = s.index + 1
		}
	}
	if after < 0 || !ownedHere(pass.TypesInfo, s.body, v, obj) {
		return nil
	}
	rel, ok := releaseCall(pass, f.Type, v, s.call)
	if !ok {
		return nil
	}
	edit := insertLineAfter(pass, s.assign, s.list[after], "defer "+rel.text)
	if edit == nil {
		return nil
	}
	removals, notes := redundant(pass, s, after, obj, f.Type, rel)
	msg := fmt.Sprintf("Defer %s %s", rel.text, where)
	for _, note := range notes {
		msg += "; " + note
	}
	return &analysis.SuggestedFix{
		Message:   msg,
		TextEdits: append([]analysis.TextEdit{*edit}, removals...),
	}
}
