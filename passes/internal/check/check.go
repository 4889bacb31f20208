// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package check is the identity of dbleaklint's checks: each check's
// name, and how the engine, its messages and its fixes treat the
// resources the check reports. Code that treats resources of one check
// differently reads a field of [Props], never the check's name.
package check

import (
	"fmt"
	"slices"
	"strings"
)

// An ID identifies one check of dbleaklint.
type ID uint8

// The checks, in the order of the docs. None is the zero ID: no check
// in particular.
const (
	None ID = iota
	RowsClose
	RowScan
	ConnRelease
	TxEnd
	StmtClose
	BatchClose
	DeferLoop
	NestedAcquire
	PoolPolicy
	ScopeEscape
	Ownership
	Ignore

	// Count is the number of IDs, None included: the length of an
	// array indexed by ID.
	Count
)

// Props describes a check.
type Props struct {
	// Name is the check's name: its analyzer's name, the prefix of its
	// flags, its key in the configuration.
	Name string

	// Leak: the check reports resources of its own types that are not
	// released; a user-defined resource names one such check.
	Leak bool

	// Noun names its resources in the messages of a user-defined
	// resource ("rows", "transaction"), and Missing says what did not
	// happen to them ("closed").
	Noun, Missing string

	// Query: its resources are the results of a query, so one whose
	// result is discarded was better run with Exec.
	Query bool

	// ReleasedByUse: using the resource releases it (a row by Scan),
	// so deferring a release is not the fix of a leak.
	ReleasedByUse bool

	// NeverNil: its acquisitions return no error and never nil (pgx's
	// SendBatch), so a release may be deferred right after them.
	NeverNil bool

	// Transaction: its resources are transactions, ended by Commit or
	// Rollback; the fix defers a Rollback, a no-op once committed.
	Transaction bool

	// HoldsConn: a resource of the check holds a pooled connection until
	// it is released (a connection or a transaction), so taking another
	// of the same pool meanwhile is what nestedacquire reports.
	HoldsConn bool
}

var props = [Count]Props{
	None:          {Name: ""},
	RowsClose:     {Name: "rowsclose", Leak: true, Noun: "rows", Missing: "closed", Query: true},
	RowScan:       {Name: "rowscan", Leak: true, Noun: "row", Missing: "scanned", Query: true, ReleasedByUse: true},
	ConnRelease:   {Name: "connrelease", Leak: true, Noun: "connection", Missing: "released", HoldsConn: true},
	TxEnd:         {Name: "txend", Leak: true, Noun: "transaction", Missing: "committed or rolled back", Transaction: true, HoldsConn: true},
	StmtClose:     {Name: "stmtclose", Leak: true, Noun: "statement", Missing: "closed"},
	BatchClose:    {Name: "batchclose", Leak: true, Noun: "batch results", Missing: "closed", NeverNil: true},
	DeferLoop:     {Name: "deferloop"},
	NestedAcquire: {Name: "nestedacquire"},
	PoolPolicy:    {Name: "poolpolicy"},
	ScopeEscape:   {Name: "scopeescape"},
	Ownership:     {Name: "ownership"},
	Ignore:        {Name: "ignore"},
}

// Props returns the description of the check.
func (id ID) Props() Props {
	if id >= Count {
		return Props{}
	}
	return props[id]
}

// String returns the check's name, "" for None.
func (id ID) String() string { return id.Props().Name }

// All returns every check, None excluded.
func All() []ID {
	ids := make([]ID, 0, Count-1)
	for id := None + 1; id < Count; id++ {
		ids = append(ids, id)
	}
	return ids
}

// Lookup returns the check of that name, or false.
func Lookup(name string) (ID, bool) {
	for _, id := range All() {
		if props[id].Name == name {
			return id, true
		}
	}
	return None, false
}

// LeakNames returns the names of the checks that report leaked
// resources, sorted: those a user-defined resource may name.
func LeakNames() []string {
	var names []string
	for _, id := range All() {
		if props[id].Leak {
			names = append(names, props[id].Name)
		}
	}
	slices.Sort(names)
	return names
}

// LookupLeak returns the leak check of that name, or false.
func LookupLeak(name string) (ID, bool) {
	id, ok := Lookup(name)
	if !ok || !props[id].Leak {
		return None, false
	}
	return id, true
}

// UnknownLeak returns the message for a resource naming no leak check.
func UnknownLeak(name string) string {
	return fmt.Sprintf("unknown check %q; one of %s", name, strings.Join(LeakNames(), ", "))
}
