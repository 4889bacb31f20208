// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakflow

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// finding builds the finding for one acquisition and kind of exit.
func (e *engine) finding(fn *ssa.Function, acq acquisition, kind ExitKind, leaks []leak) *Finding {
	f := &Finding{
		Type:    acq.typ,
		Fn:      fn,
		Acquire: acq.call.Pos(),
		Callee:  e.src.callText(acq.call.Pos()),
		Var:     e.src.varName(acq.call.Pos()),
		Kind:    kind,
	}
	if c, _ := e.src.call(acq.call.Pos()); c != nil {
		f.Acquire = c.Pos() // the start of the call, not its parenthesis
	}
	for _, l := range leaks {
		if l.pos.IsValid() {
			f.Exits = append(f.Exits, l.pos)
		}
	}
	slices.Sort(f.Exits)
	f.Exits = slices.Compact(f.Exits)
	for _, l := range leaks {
		if len(f.Exits) > 0 && l.pos == f.Exits[0] && l.via.IsValid() {
			f.Via = l.via
		}
		if len(f.Exits) > 0 && l.pos == f.Exits[0] && l.failed.IsValid() && !f.Failed.IsValid() {
			f.Failed = l.failed
		}
		if len(f.Exits) > 0 && l.pos == f.Exits[0] && l.contained {
			f.Contained = true
		}
	}
	f.Message = e.message(f)
	return f
}

// message says which resource leaks, from which call, on which exit,
// and how to fix it: "rows from db.QueryContext is not closed on the
// path that returns at users.go:48; defer rows.Close() after the error
// check".
func (e *engine) message(f *Finding) string {
	var b strings.Builder
	b.WriteString(f.Type.Noun)
	if f.Var != "" && f.Var != f.Type.Noun {
		b.WriteString(" " + f.Var)
	}
	fmt.Fprintf(&b, " from %s is not %s", f.Callee, f.Type.Missing)
	at := ""
	if len(f.Exits) > 0 {
		at = e.where(f.Exits[0])
	}
	switch f.Kind {
	case Return:
		if f.Failed.IsValid() {
			fmt.Fprintf(&b, " on the path where %s fails at %s and returns at %s", e.src.callText(f.Failed), e.where(f.Failed), at)
		} else if f.Via.IsValid() {
			fmt.Fprintf(&b, " on the path that breaks out of the loop at %s and returns at %s", e.where(f.Via), at)
		} else {
			fmt.Fprintf(&b, " on the path that returns at %s", at)
		}
	case Continue:
		fmt.Fprintf(&b, " when the loop continues at %s", at)
	case Iterate:
		fmt.Fprintf(&b, " before the loop iterates again at %s", at)
	case Overwrite:
		fmt.Fprintf(&b, " before the variable holding it is overwritten at %s", at)
	case Discard:
		fmt.Fprintf(&b, ": the result is discarded (on the path that returns at %s)", at)
	}
	if n := len(f.Exits) - 1; n > 0 {
		fmt.Fprintf(&b, " (and %d other %s)", n, plural(n, "exit", "exits"))
	}
	v := f.Var
	if v == "" {
		v = shortNoun(f.Type.Noun)
	}
	switch f.Kind {
	case Overwrite:
		b.WriteString("; release it before the variable is assigned again")
	case Continue, Iterate:
		fmt.Fprintf(&b, "; release it before the next iteration, or move the loop body into a function")
	case Discard:
		if f.Type.Check == "rowsclose" || f.Type.Check == "rowscan" {
			b.WriteString("; use Exec if no rows are wanted")
		} else {
			b.WriteString("; assign it and " + fmt.Sprintf(f.Type.Fix, v))
		}
	default:
		if f.Failed.IsValid() {
			fmt.Fprintf(&b, "; release %s where %s fails: it keeps %s only when it succeeds", v, e.src.callText(f.Failed), v)
			break
		}
		if f.Contained {
			fmt.Fprintf(&b, "; it is held in a local slice or map there: release its elements on that path, or in a deferred loop over them")
			break
		}
		b.WriteString("; " + fmt.Sprintf(f.Type.Fix, v))
	}
	return b.String()
}

// where renders a position as file:line with the file's base name.
func (e *engine) where(pos token.Pos) string {
	p := e.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// shortNoun names the variable in a fix when the resource has none.
func shortNoun(noun string) string {
	switch noun {
	case "transaction":
		return "tx"
	case "connection":
		return "conn"
	case "statement":
		return "stmt"
	case "batch results":
		return "br"
	}
	return noun
}
