// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package ownership_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/ownership"
	"github.com/dbleaklint/dbleaklint/passes/rowsclose"
)

// Test checks the facts of an upstream package of helpers and of a
// package that derives its facts from theirs. The checks' own tests
// (crosspkg packages) check that callers use them.
func Test(t *testing.T) {
	t.Parallel()
	testutil.Run(t, testutil.TestData(), ownership.Analyzer, "ownership/helpers", "ownership/middle")
}

const dbxRows = `{"type":"*userres/dbx.Rows","check":"rowsclose","acquire":["(*userres/dbx.DB).Queryx"],` +
	`"release":["Close"],"release-functions":[{"function":"userres/dbx.Drain","arg":0}]}`

// TestUserResource describes an in-house resource with the flag and
// checks that rowsclose follows it like a built-in one.
func TestUserResource(t *testing.T) {
	t.Parallel()
	testutil.Run(t, testutil.TestData(), withResource(t, dbxRows), "userres/app")
}

// TestUserResourceMissing: a configured type that does not exist in its
// package is an error of the analysis, saying what and where.
func TestUserResourceMissing(t *testing.T) {
	t.Parallel()
	a := withResource(t, `{"type":"*userres/dbx.Cursor","check":"rowsclose","acquire":["(*userres/dbx.DB).Queryx"],"release":["Close"]}`)
	rec := new(recorder)
	testutil.Run(rec, testutil.TestData(), a, "userres/app")
	want := "config: resource type *userres/dbx.Cursor: package userres/dbx has no type Cursor"
	if !strings.Contains(rec.String(), want) {
		t.Errorf("errors:\n%s\nwant one containing %q", rec, want)
	}
}

// TestResourceFlagErrors: a malformed or invalid entry is rejected when
// the flag is set, with a message naming what is wrong.
func TestResourceFlagErrors(t *testing.T) {
	t.Parallel()
	a := testutil.Configured(t, ownership.For, config.Settings{})
	for _, tc := range []struct{ value, want string }{
		{`{"type":`, "not a resource as JSON"},
		{`{"type":"*x.Rows","check":"rowsclose","acquire":["x.Open"],"release":["Close"],"colour":1}`, `unknown field "colour"`},
		{`{"type":"Rows","check":"rowsclose","acquire":["x.Open"],"release":["Close"]}`, "not a package-qualified named type"},
		{`{"type":"*x.Rows","check":"rowclose","acquire":["x.Open"],"release":["Close"]}`, `unknown check "rowclose"`},
		{`{"type":"*x.Rows","check":"rowsclose","release":["Close"]}`, "acquire lists no function"},
		{`{"type":"*x.Rows","check":"rowsclose","acquire":["x.Open"]}`, "neither release nor release-functions"},
		{`{"type":"*x.Rows","check":"rowsclose","acquire":["Open"],"release":["Close"]}`, `acquire "Open" is not a function name`},
		{`{"type":"*database/sql.Rows","check":"rowsclose","acquire":["x.Open"],"release":["Close"]}`, "already a resource"},
	} {
		err := a.Flags.Set("resource", tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Set(%s) = %v, want an error containing %q", tc.value, err, tc.want)
		}
	}
	if got := a.Flags.Lookup("resource").Value.String(); got != "" {
		t.Errorf("after rejected entries, the user resources are %s, want none", got)
	}
}

// setResource installs one user-defined resource for the test.
// withResource returns rowsclose in a configuration of its own, with
// the user-defined resource spec set by -ownership.resource.
func withResource(t *testing.T, spec string) *analysis.Analyzer {
	t.Helper()
	c, err := config.New(config.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ownership.For(c).Flags.Set("resource", spec); err != nil {
		t.Fatal(err)
	}
	return rowsclose.For(c)
}

type recorder struct{ strings.Builder }

func (r *recorder) Errorf(format string, args ...any) {
	fmt.Fprintf(&r.Builder, format+"\n", args...)
}
