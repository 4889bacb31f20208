// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

// fixpoint memoizes a function over keys whose values depend on each
// other through recursion: the summaries of recursive and mutually
// recursive functions.
//
// A key requested while it is being computed yields its current
// approximation, starting from bottom. A computation that read no
// approximation of a key still in progress below it is final and
// memoized. The outermost key of a cycle is recomputed until its value
// stops changing: the values form a short chain, so this takes a few
// rounds (after maxRounds the value is top, the "unknown" answer). The
// values of the other keys of a cycle hold for the current round only.
type fixpoint[K comparable, V comparable] struct {
	bottom, top V
	compute     func(K) V

	done      map[K]V
	tentative map[K]fpTentative[V] // inner keys of a cycle, this round
	active    map[K]*fpFrame[V]
	stack     []*fpFrame[V]
}

type fpFrame[V any] struct {
	approx V
	depth  int
	low    int // the smallest depth of an active key this computation read
}

type fpTentative[V any] struct {
	v   V
	low int
}

const maxRounds = 8

func newFixpoint[K comparable, V comparable](bottom, top V, compute func(K) V) *fixpoint[K, V] {
	return &fixpoint[K, V]{
		bottom:    bottom,
		top:       top,
		compute:   compute,
		done:      make(map[K]V),
		tentative: make(map[K]fpTentative[V]),
		active:    make(map[K]*fpFrame[V]),
	}
}

// value returns the value of k, computing it if needed.
func (f *fixpoint[K, V]) value(k K) V {
	if v, ok := f.done[k]; ok {
		return v
	}
	if fr, ok := f.active[k]; ok {
		f.read(fr.depth)
		return fr.approx
	}
	if t, ok := f.tentative[k]; ok {
		f.read(t.low)
		return t.v
	}
	fr := &fpFrame[V]{approx: f.bottom, depth: len(f.stack)}
	f.active[k] = fr
	f.stack = append(f.stack, fr)
	v := f.iterate(k, fr)
	delete(f.active, k)
	f.stack = f.stack[:len(f.stack)-1]
	if fr.low < fr.depth {
		// It read the approximation of an enclosing key: it holds
		// for this round of that key only, and so does the value of
		// the computation that asked.
		f.tentative[k] = fpTentative[V]{v, fr.low}
		f.read(fr.low)
	}
	return v
}

// iterate computes k until its value is final, or until it is known
// to depend on an enclosing key (fr.low < fr.depth).
func (f *fixpoint[K, V]) iterate(k K, fr *fpFrame[V]) V {
	for round := 0; ; round++ {
		fr.low = len(f.stack) // nothing read yet
		v := f.compute(k)
		switch {
		case fr.low < fr.depth:
			return v
		case fr.low > fr.depth || v == fr.approx:
			// It read no approximation of itself, or it is stable.
			f.done[k] = v
			clear(f.tentative)
			return v
		case round == maxRounds:
			f.done[k] = f.top
			clear(f.tentative)
			return f.top
		}
		fr.approx = v
		clear(f.tentative)
	}
}

// read records that the computation on top of the stack read a value
// that depends on the active key at depth.
func (f *fixpoint[K, V]) read(depth int) {
	if n := len(f.stack); n > 0 {
		top := f.stack[n-1]
		top.low = min(top.low, depth)
	}
}
