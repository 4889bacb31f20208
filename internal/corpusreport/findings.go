// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// A finding is one diagnostic of dbleaklint, its position relative to
// the module's root.
type finding struct {
	File    string // slash-separated, relative to the module root
	Line    int
	Col     int
	Check   string
	Message string
}

func (f finding) test() bool { return strings.HasSuffix(f.File, "_test.go") }

func (f finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", f.File, f.Line, f.Col, f.Check, f.Message)
}

// diagnostic is the part of an x/tools JSON diagnostic that is read.
type diagnostic struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

// readFindings decodes the output of dbleaklint -format=json run in
// root: {package: {check: [diagnostic...] or {"error": "..."}}}. A
// diagnostic reported for a package and for its test variant is counted
// once. Errors of checks are returned as strings, for the report.
func readFindings(data []byte, root string) ([]finding, []string, error) {
	var out map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, nil, fmt.Errorf("not dbleaklint's JSON output: %v", err)
	}
	seen := map[finding]bool{}
	var fs []finding
	var errs []string
	for pkg, checks := range out {
		for check, raw := range checks {
			var diags []diagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				var e struct{ Error string }
				if json.Unmarshal(raw, &e) == nil && e.Error != "" {
					errs = append(errs, fmt.Sprintf("%s: %s: %s", pkg, check, e.Error))
					continue
				}
				return nil, nil, fmt.Errorf("%s: %s: %v", pkg, check, err)
			}
			for _, d := range diags {
				f, err := parsePosn(d.Posn, root)
				if err != nil {
					return nil, nil, err
				}
				f.Check, f.Message = check, d.Message
				if !seen[f] {
					seen[f] = true
					fs = append(fs, f)
				}
			}
		}
	}
	sort.Slice(fs, func(i, j int) bool { return less(fs[i], fs[j]) })
	sort.Strings(errs)
	return fs, errs, nil
}

func less(a, b finding) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	return a.Check < b.Check
}

// parsePosn splits "FILE:LINE:COL" and makes FILE relative to root.
func parsePosn(posn, root string) (finding, error) {
	bad := fmt.Errorf("bad position %q", posn)
	i := strings.LastIndexByte(posn, ':')
	if i < 0 {
		return finding{}, bad
	}
	j := strings.LastIndexByte(posn[:i], ':')
	if j < 0 {
		return finding{}, bad
	}
	line, err1 := strconv.Atoi(posn[j+1 : i])
	col, err2 := strconv.Atoi(posn[i+1:])
	if err1 != nil || err2 != nil {
		return finding{}, bad
	}
	file := posn[:j]
	if rel, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = rel
	}
	return finding{File: filepath.ToSlash(file), Line: line, Col: col}, nil
}

// loadResults reads a module's results: its findings, the errors of its
// checks, and whether it has a result at all (a module that could not be
// downloaded or loaded has none: the reason is the first line of its
// standard error).
func loadResults(m module) (fs []finding, errs []string, failure string) {
	data, err := os.ReadFile(m.Results + ".json")
	if err != nil || len(strings.TrimSpace(string(data))) == 0 {
		return nil, nil, firstLine(m.Results + ".err")
	}
	fs, errs, err = readFindings(data, m.Dir)
	if err != nil {
		return nil, nil, err.Error()
	}
	if strings.TrimSpace(string(data)) == "{}" {
		// No package was analyzed: a load error, or patterns that match
		// nothing.
		if msg := firstLine(m.Results + ".err"); msg != "no output" {
			return nil, nil, msg
		}
	}
	return fs, errs, ""
}

func firstLine(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "not linted"
	}
	s := strings.TrimSpace(string(data))
	if s == "" {
		return "no output"
	}
	line, _, _ := strings.Cut(s, "\n")
	return line
}
