// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"fmt"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/dbleaklint/dbleaklint/passes/internal/resource"
)

// analyze runs the engine on the generated function, as run does for
// each source function, with a fresh engine (and so fresh summaries).
func analyze(g *generated, model *resource.Model) *Result {
	res := new(Result)
	newEngine(g.pass, model, g.pkg).analyzeFunc(g.fn, res)
	return res
}

// BenchmarkEngine measures the engine's analysis of generated functions
// of growing size; parsing, type-checking and building SSA are not
// timed. Linear cost shows as ns/op doubling with n, and as a constant
// ns/block.
func BenchmarkEngine(b *testing.B) {
	model := resource.Builtin()
	for _, s := range shapes {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("%s=%d", s.name, n), func(b *testing.B) {
				g := build(b, s, n)
				b.ReportAllocs()
				for b.Loop() { // the first call resets the timer
					analyze(g, model)
				}
				b.ReportMetric(float64(g.blocks), "blocks")
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*g.blocks), "ns/block")
			})
		}
	}
}

// visited walks every acquisition of fn as analyzeFunc does and returns
// the number of (block, state) nodes the walks visited in all.
func visited(e *engine, fn *ssa.Function) int {
	total := 0
	fi := newFuncInfo(fn)
	for _, acq := range e.acquisitions(fn) {
		w := e.walkAcquisition(fn, fi, acq)
		total += len(w.seen) + 1 // the start node is not in seen
	}
	return total
}

// TestEngineWorkIsLinear checks, without timing anything, that the
// walks visit O(blocks) nodes on functions with exponentially many
// paths: at most maxNodesPerBlock (block, state) nodes per block, for
// every shape and size. It also checks that the generated leaks are
// found, so that the benchmarks measure real work.
func TestEngineWorkIsLinear(t *testing.T) {
	// The walk widens a block's states past maxStatesPerBlock (it
	// forgets which error phis and conditions it knew), so a memoized
	// walk visits a bounded number of nodes per block: most shapes need
	// about 1, errphis about 7. Path enumeration would visit 2^(n/2).
	const maxNodesPerBlock = maxStatesPerBlock + 4
	model := resource.Builtin()
	ns := sizes
	if testing.Short() {
		ns = sizes[:1]
	}
	for _, s := range shapes {
		for _, n := range ns {
			t.Run(fmt.Sprintf("%s=%d", s.name, n), func(t *testing.T) {
				g := build(t, s, n)
				nodes := visited(newEngine(g.pass, model, g.pkg), g.fn)
				t.Logf("%d blocks, %d instructions, %d nodes visited (%.2f per block)",
					g.blocks, g.instrs, nodes, float64(nodes)/float64(g.blocks))
				if nodes > maxNodesPerBlock*g.blocks {
					t.Errorf("visited %d nodes for %d blocks, want at most %d per block", nodes, g.blocks, maxNodesPerBlock)
				}
				checkFindings(t, g, analyze(g, model))
			})
		}
	}
}

// checkFindings checks that res holds the leaks the generator made: for
// each kind in g.want, findings with that many exits in all.
func checkFindings(t *testing.T, g *generated, res *Result) {
	t.Helper()
	if len(res.Errors) > 0 {
		t.Fatalf("engine error: %v", res.Errors[0])
	}
	got := make(want)
	for _, f := range res.Findings {
		got[f.Kind] += len(f.Exits)
	}
	t.Logf("leaking exits found by kind: %v", got)
	for kind, n := range g.want {
		if got[kind] != n {
			t.Errorf("%d leaking exits of kind %d found, want %d (findings by kind: %v)", got[kind], kind, n, got)
		}
	}
}
