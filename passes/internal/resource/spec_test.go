// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package resource

import (
	"slices"
	"strings"
	"testing"
)

// A configuration written before sqlx was built in still loads: its
// entry adds to the built-in contract.
func TestConfiguredBuiltinExtends(t *testing.T) {
	m := Builtin()
	spec := Spec{
		Type:    "*github.com/jmoiron/sqlx.Rows",
		Check:   "rowsclose",
		Noun:    "sqlx rows",
		Acquire: []string{"(*example.com/app/db.Store).Rows"},
		Release: []string{"Close", "Discard"},
	}
	if err := m.add(spec); err != nil {
		t.Fatal(err)
	}
	typ := m.Lookup(spec.Type)
	if typ.Noun != "sqlx rows" || !typ.NextFalseReleases || typ.Embedded != "Rows" {
		t.Errorf("extended type = %+v, want the built-in one with the noun %q", typ, spec.Noun)
	}
	if want := []string{"Close", "Discard"}; !slices.Equal(typ.Releases, want) {
		t.Errorf("releases = %v, want %v", typ.Releases, want)
	}
	for _, fn := range []string{"(*example.com/app/db.Store).Rows", "(*github.com/jmoiron/sqlx.DB).Queryx"} {
		if m.acquirers[fn] != spec.Type {
			t.Errorf("acquirer %s = %q, want %q", fn, m.acquirers[fn], spec.Type)
		}
	}
	if Builtin().Lookup(spec.Type).Noun != "rows" {
		t.Error("extending a model changed the built-in table")
	}
	if err := m.add(spec); err == nil || !strings.Contains(err.Error(), "already configured") {
		t.Errorf("second entry for the type: err = %v, want already configured", err)
	}
	err := m.add(Spec{Type: "*database/sql.Rows", Check: "rowsclose", Acquire: []string{"x.Open"}, Release: []string{"Close"}})
	if err == nil || !strings.Contains(err.Error(), "already a resource") {
		t.Errorf("entry for database/sql's rows: err = %v, want already a resource", err)
	}
}

// The pool calls name each callback by its argument index, the receiver
// of a method counting as 0.
func TestPoolCallbacks(t *testing.T) {
	for fn, want := range map[string]PoolCall{
		"(*github.com/jackc/pgx/v5/pgxpool.Pool).AcquireFunc":       {Pool: 0, Holds: "connection", Callback: 2},
		"github.com/jackc/pgx/v5.BeginFunc":                         {Pool: 1, Holds: "transaction", Callback: 2},
		"github.com/jackc/pgx/v5.BeginTxFunc":                       {Pool: 1, Holds: "transaction", Callback: 3},
		"(*github.com/jackc/pgx/v4/pgxpool.Pool).BeginTxFunc":       {Pool: 0, Holds: "transaction", Callback: 3},
		"(*github.com/dbleaklint/dbleaklint/runtime.Pool).WithTx":   {Pool: 0, Holds: "transaction", Callback: 3},
		"(*github.com/dbleaklint/dbleaklint/runtime.Pool).WithConn": {Pool: 0, Holds: "connection", Callback: 2},
		"(*database/sql.DB).BeginTx":                                {Pool: 0, Holds: "transaction", Callback: -1},
		"github.com/jmoiron/sqlx.GetContext":                        {Pool: 1, Callback: -1},
	} {
		if got := poolCalls[fn]; got != want {
			t.Errorf("%s = %+v, want %+v", fn, got, want)
		}
	}
}
