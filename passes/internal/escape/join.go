// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package escape

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// joined reports whether every path from start, the instruction that
// starts a goroutine, to a return of its function waits: calls a function
// of resource.Waits, receives from a channel or blocks in a select. It does not
// check that the wait is for the goroutine started: the approximation errs
// towards silence. Paths that end in a panic do not count.
func joined(start ssa.Instruction) bool {
	b := start.Block()
	idx := -1
	for i, instr := range b.Instrs {
		if instr == start {
			idx = i
			break
		}
	}
	if idx < 0 {
		return true // not found: stay silent
	}
	seen := map[*ssa.BasicBlock]bool{}
	// unjoined reports whether a return is reachable from instruction i
	// of block b without a wait.
	var unjoined func(b *ssa.BasicBlock, i int) bool
	unjoined = func(b *ssa.BasicBlock, i int) bool {
		for _, instr := range b.Instrs[i:] {
			if waits(instr) {
				return false
			}
			if _, ok := instr.(*ssa.Return); ok {
				return true
			}
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				if unjoined(s, 0) {
					return true
				}
			}
		}
		return false
	}
	return !unjoined(b, idx+1)
}

// waits reports whether instr waits for another goroutine.
func waits(instr ssa.Instruction) bool {
	switch i := instr.(type) {
	case *ssa.UnOp:
		return i.Op == token.ARROW
	case *ssa.Select:
		return i.Blocking
	case *ssa.Call:
		return resource.Waits(fullName(i.Call.StaticCallee()))
	}
	return false
}
