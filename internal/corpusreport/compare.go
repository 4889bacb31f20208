// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

// A tally counts findings by verdict.
type tally struct {
	Findings, Leak, FalseAlarm, Debatable, Unjudged int
}

func (t *tally) add(verdict string) {
	t.Findings++
	switch verdict {
	case leak:
		t.Leak++
	case falseAlarm:
		t.FalseAlarm++
	case debatable:
		t.Debatable++
	default:
		t.Unjudged++
	}
}

func (t *tally) sum(u tally) {
	t.Findings += u.Findings
	t.Leak += u.Leak
	t.FalseAlarm += u.FalseAlarm
	t.Debatable += u.Debatable
	t.Unjudged += u.Unjudged
}

// A judgement is what the comparison of one module's findings with its
// verdicts found.
type judgement struct {
	NonTest, Test tally
	Unjudged      []finding // findings that no verdict judges
	Stale         []verdict // verdicts that judge no finding
}

// judge gives each finding of a module its verdict: the exact row that
// matches it, else a pattern row (test files only). vs are the module's
// verdicts.
func judge(fs []finding, vs []verdict) judgement {
	var j judgement
	used := make([]bool, len(vs))
	for _, f := range fs {
		found := verdictFor(f, vs)
		t := &j.NonTest
		if f.test() {
			t = &j.Test
		}
		if found < 0 {
			t.add("")
			j.Unjudged = append(j.Unjudged, f)
			continue
		}
		used[found] = true
		t.add(vs[found].Verdict)
	}
	for i, v := range vs {
		if !used[i] {
			j.Stale = append(j.Stale, v)
		}
	}
	return j
}

// verdictFor returns the index in vs of the verdict that judges f: the
// exact row that matches it, else a pattern row; -1 if none does.
func verdictFor(f finding, vs []verdict) int {
	for i, v := range vs {
		if !v.pattern() && v.matches(f) {
			return i
		}
	}
	for i, v := range vs {
		if v.pattern() && v.matches(f) {
			return i
		}
	}
	return -1
}

// precision is leak / (leak + false alarm), or -1 when nothing is judged.
func (t tally) precision() float64 {
	if t.Leak+t.FalseAlarm == 0 {
		return -1
	}
	return float64(t.Leak) / float64(t.Leak+t.FalseAlarm)
}
