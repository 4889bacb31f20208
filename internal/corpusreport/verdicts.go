// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// The three verdicts a finding can get.
const (
	leak       = "leak"        // a real resource is left unreleased on the path named
	falseAlarm = "false-alarm" // nothing is held on that path in a real execution
	debatable  = "debatable"   // held only in a way one may accept (say why)
)

// A verdict is one row of the verdict file: what a person decided about
// the finding of a check at a position in a module.
//
// The position is FILE:LINE or FILE:LINE:COL, FILE relative to the
// module root; the column tells apart two findings of one line. A
// pattern row judges findings in test files in bulk: its FILE is a
// path.Match pattern ending in _test.go, matched against the file's
// base name when it has no slash, and its LINE is "*"; a finding
// takes the verdict of a pattern row only when no exact row judges it.
type verdict struct {
	Module  string // module@version
	File    string
	Line    int // 0 in a pattern row
	Col     int // 0: any column
	Check   string
	Verdict string
	Reason  string
	Source  int // line number in the verdict file
}

func (v verdict) pattern() bool { return v.Line == 0 }

func (v verdict) position() string {
	switch {
	case v.pattern():
		return v.File + ":*"
	case v.Col != 0:
		return fmt.Sprintf("%s:%d:%d", v.File, v.Line, v.Col)
	}
	return fmt.Sprintf("%s:%d", v.File, v.Line)
}

// matches reports whether v judges f, a finding of v's module.
func (v verdict) matches(f finding) bool {
	if v.Check != f.Check {
		return false
	}
	if v.pattern() {
		name := f.File
		if !strings.Contains(v.File, "/") {
			name = path.Base(name)
		}
		ok, _ := path.Match(v.File, name)
		return ok && f.test()
	}
	return v.File == f.File && v.Line == f.Line && (v.Col == 0 || v.Col == f.Col)
}

// readVerdicts parses the verdict file: tab-separated rows of module,
// position, check, verdict and reason; blank lines and lines starting
// with # are comments.
func readVerdicts(r io.Reader, name string) ([]verdict, error) {
	var vs []verdict
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		v, err := parseVerdict(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n, err)
		}
		v.Source = n
		key := v.Module + " " + v.position() + " " + v.Check
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("%s:%d: %s %s %s is judged already at line %d", name, n, v.Module, v.position(), v.Check, prev)
		}
		seen[key] = n
		vs = append(vs, v)
	}
	return vs, sc.Err()
}

func parseVerdict(line string) (verdict, error) {
	fields := strings.Split(line, "\t")
	if len(fields) != 5 {
		return verdict{}, fmt.Errorf("want 5 tab-separated fields (module, position, check, verdict, reason), have %d", len(fields))
	}
	v := verdict{Module: fields[0], Check: fields[2], Verdict: fields[3], Reason: strings.TrimSpace(fields[4])}
	if !strings.Contains(v.Module, "@") {
		return verdict{}, fmt.Errorf("module %q has no @version", v.Module)
	}
	switch v.Verdict {
	case leak, falseAlarm, debatable:
	default:
		return verdict{}, fmt.Errorf("verdict %q is none of %s, %s, %s", v.Verdict, leak, falseAlarm, debatable)
	}
	if v.Reason == "" {
		return verdict{}, fmt.Errorf("no reason given")
	}
	if err := v.parsePosition(fields[1]); err != nil {
		return verdict{}, err
	}
	return v, nil
}

func (v *verdict) parsePosition(pos string) error {
	file, rest, ok := strings.Cut(pos, ":")
	if !ok || file == "" {
		return fmt.Errorf("position %q is not FILE:LINE[:COL]", pos)
	}
	v.File = file
	if rest == "*" {
		if !strings.HasSuffix(file, "_test.go") {
			return fmt.Errorf("pattern %q: only findings in test files are judged by pattern", pos)
		}
		if _, err := path.Match(file, ""); err != nil {
			return fmt.Errorf("pattern %q: %v", pos, err)
		}
		return nil
	}
	if strings.ContainsAny(file, "*?[") {
		return fmt.Errorf("position %q: a pattern takes the line *", pos)
	}
	lineStr, colStr, hasCol := strings.Cut(rest, ":")
	line, err := strconv.Atoi(lineStr)
	if err != nil || line <= 0 {
		return fmt.Errorf("position %q: bad line", pos)
	}
	v.Line = line
	if hasCol {
		col, err := strconv.Atoi(colStr)
		if err != nil || col <= 0 {
			return fmt.Errorf("position %q: bad column", pos)
		}
		v.Col = col
	}
	return nil
}
