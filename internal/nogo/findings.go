// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package nogo

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A Finding is a diagnostic as nogo prints it: a position, the message
// and the analyzer's name. nogo prints neither related information nor
// suggested fixes (it writes the fixes to a patch file).
type Finding struct {
	File      string // relative to the main module's root, slash-separated
	Line, Col int
	Message   string
	Analyzer  string
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s (%s)", f.File, f.Line, f.Col, f.Message, f.Analyzer)
}

func sortFindings(fs []Finding) {
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Analyzer, b.Analyzer), cmp.Compare(a.Message, b.Message))
	})
}

// nogoHeader opens the log of an action with findings; a line per
// finding follows, as nogo_main.go prints them.
const nogoHeader = "nogo: errors found by nogo during build-time code analysis:"

var nogoLine = regexp.MustCompile(`^(.+\.go):(\d+):(\d+): (.*) \(([A-Za-z0-9_]+)\)$`)

// parseLog parses a nogo.log that the builder wrote. Any line it cannot
// read is an error, so that a finding cannot be lost silently.
func parseLog(log []byte) ([]Finding, error) {
	lines := strings.Split(strings.TrimRight(string(log), "\n"), "\n")
	if lines[0] != nogoHeader {
		return nil, fmt.Errorf("nogo.log: not findings:\n%s", log)
	}
	var out []Finding
	for _, line := range lines[1:] {
		m := nogoLine.FindStringSubmatch(line)
		if m == nil {
			return nil, fmt.Errorf("nogo.log: unexpected line %q", line)
		}
		l, _ := strconv.Atoi(m[2])
		c, _ := strconv.Atoi(m[3])
		out = append(out, Finding{File: m[1], Line: l, Col: c, Message: m[4], Analyzer: m[5]})
	}
	return out, nil
}

// Vet runs go vet -vettool=vettool -json with args (flags, then
// package patterns) in the module at dir, with no configuration file
// (the nogo driver has none), and returns its findings on the packages
// and their tests, with file names relative to root, sorted, each once.
func Vet(ctx context.Context, vettool, dir, root string, args ...string) ([]Finding, error) {
	out, err := goCommand(ctx, dir, nil, append([]string{"vet", "-vettool=" + vettool, "-json", "-config=none"}, args...)...)
	if err != nil {
		return nil, err
	}
	// One JSON tree per package: package -> analyzer -> diagnostics,
	// or an error.
	type diagnostic struct{ Posn, Message string }
	var findings []Finding
	for dec := json.NewDecoder(bytes.NewReader(out)); ; {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go vet -json: %v", err)
		}
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var diags []diagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, fmt.Errorf("go vet: %s: %s: %s", pkg, name, raw)
				}
				for _, d := range diags {
					f, err := vetFinding(root, d.Posn, d.Message, name)
					if err != nil {
						return nil, err
					}
					findings = append(findings, f)
				}
			}
		}
	}
	sortFindings(findings)
	return slices.Compact(findings), nil
}

// vetFinding makes a Finding of a diagnostic of go vet -json, whose
// position is file:line:col with an absolute file name.
func vetFinding(root, posn, message, analyzer string) (Finding, error) {
	file, lc, ok := cutLast(posn, ":")
	file, l, ok2 := cutLast(file, ":")
	line, err1 := strconv.Atoi(l)
	col, err2 := strconv.Atoi(lc)
	if !ok || !ok2 || err1 != nil || err2 != nil {
		return Finding{}, fmt.Errorf("go vet: bad position %q", posn)
	}
	rel, err := filepath.Rel(root, file)
	if err != nil {
		return Finding{}, err
	}
	return Finding{File: filepath.ToSlash(rel), Line: line, Col: col, Message: message, Analyzer: analyzer}, nil
}

func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}
