// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"fmt"
	"strings"

	"github.com/dbleaklint/dbleaklint/passes/internal/check"
)

// A FuncFact says what a function does with the resources passed to it
// and whether it returns one its caller must release. Parameters are
// numbered as go/ssa numbers them: a method's receiver is 0.
//
// It is exported only for functions with something to say, and stays
// small: two bit sets and a type key.
type FuncFact struct {
	// Releases has bit i set if the function releases parameter i on
	// every normal exit: directly, by a defer, or by passing it to a
	// function that does.
	Releases uint64
	// Borrows has bit i set if the function uses parameter i and
	// leaves it held on every exit: the caller still owes its release.
	Borrows uint64
	// TakesOnSuccess and ReleasesOnSuccess have bit i set if the
	// function keeps (hands on) or releases parameter i on the exits
	// where its error result is nil, and leaves it held on those where
	// it is not: the caller owes the release when the call fails.
	TakesOnSuccess    uint64
	ReleasesOnSuccess uint64
	// ReleasesElems has bit i set if parameter i is a slice or map of
	// resources whose every element the function releases on every
	// normal exit (closeAll(stmts), see collections.go).
	ReleasesElems uint64
	// Owned is the key of the resource type of result OwnedIndex, when
	// the function returns a resource it acquired (directly or from a
	// function returning an owned resource), or "".
	Owned      string
	OwnedIndex int
	// Pools lists the pools the function takes a connection from, for
	// nestedacquire: a parameter's index, then the indices of the
	// fields on the way to the pool, dot-separated; uses are separated
	// by semicolons ("0.2" is the pool in field 2 of the receiver).
	Pools string
}

// AFact marks FuncFact as an [analysis.Fact].
func (*FuncFact) AFact() {}

func (f *FuncFact) String() string {
	var parts []string
	if f.Releases != 0 {
		parts = append(parts, "releases("+bitList(f.Releases)+")")
	}
	if f.Borrows != 0 {
		parts = append(parts, "borrows("+bitList(f.Borrows)+")")
	}
	if f.TakesOnSuccess != 0 {
		parts = append(parts, "takes("+bitList(f.TakesOnSuccess)+") if err == nil")
	}
	if f.ReleasesOnSuccess != 0 {
		parts = append(parts, "releases("+bitList(f.ReleasesOnSuccess)+") if err == nil")
	}
	if f.ReleasesElems != 0 {
		parts = append(parts, "releases-elements("+bitList(f.ReleasesElems)+")")
	}
	if f.Owned != "" {
		parts = append(parts, fmt.Sprintf("returns(%d %s)", f.OwnedIndex, f.Owned))
	}
	if f.Pools != "" {
		parts = append(parts, "pools("+f.Pools+")")
	}
	return "ownership " + strings.Join(parts, " ")
}

func (f *FuncFact) releases(i int) bool { return i < 64 && f.Releases&(1<<i) != 0 }
func (f *FuncFact) borrows(i int) bool  { return i < 64 && f.Borrows&(1<<i) != 0 }
func (f *FuncFact) releasesElems(i int) bool {
	return f != nil && i < 64 && f.ReleasesElems&(1<<i) != 0
}
func (f *FuncFact) onSuccess(i int) bool {
	return i < 64 && (f.TakesOnSuccess|f.ReleasesOnSuccess)&(1<<i) != 0
}

func bitList(bits uint64) string {
	var out []string
	for i := range 64 {
		if bits&(1<<i) != 0 {
			out = append(out, fmt.Sprint(i))
		}
	}
	return strings.Join(out, ",")
}

// A WrapperFact marks a struct type whose methods Releases release a
// resource it holds in a field on every normal exit: the type is a
// resource itself, reported by Check. A constructor returning a fresh
// one gives its caller the obligation to call one of them.
type WrapperFact struct {
	Check    check.ID
	Field    string   // the resource field, for messages
	Releases []string // the releasing methods, sorted
	// Next: its Next method returns the field's Next, which closes
	// the field when it returns false (a wrapper of rows).
	Next bool
}

// AFact marks WrapperFact as an [analysis.Fact].
func (*WrapperFact) AFact() {}

func (f *WrapperFact) String() string {
	next := ""
	if f.Next {
		next = "; drained by Next"
	}
	return fmt.Sprintf("wrapper(%s) releases %s via %s%s", f.Check, f.Field, strings.Join(f.Releases, ","), next)
}
