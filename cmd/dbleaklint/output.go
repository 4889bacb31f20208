// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/dbleaklint/dbleaklint/internal/report"
)

// report prints the findings in the chosen format, after the baseline
// when there is one, and returns the exit status.
func (c *command) report(graph *checker.Graph, findings []finding, fset *token.FileSet) int {
	root := repoRoot()
	if c.opts.baseline != "" {
		if c.opts.updateBaseline {
			diags := neutral(findings)
			if err := report.WriteBaseline(c.opts.baseline, diags, root); err != nil {
				c.errorf("%v", oneLine(err.Error()))
				return exitErrors
			}
			fmt.Fprintf(c.stderr, "%s: wrote %d findings to %s\n", progname, len(diags), c.opts.baseline)
			return exitOK
		}
		b, err := report.ReadBaseline(c.opts.baseline)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				c.errorf("baseline %s does not exist (create it with -update-baseline)", c.opts.baseline)
			} else {
				c.errorf("%v", oneLine(err.Error()))
			}
			return exitUsage
		}
		fresh, known, err := b.Filter(neutral(findings), root)
		if err != nil {
			c.errorf("%v", oneLine(err.Error()))
			return exitErrors
		}
		findings = subsequence(findings, fresh)
		if known > 0 && c.opts.format == "text" {
			defer fmt.Fprintf(c.stderr, "%s: %d findings of the baseline not shown\n", progname, known)
		}
	}

	var err error
	switch c.opts.format {
	case "text":
		w := bufio.NewWriter(c.stderr)
		for _, f := range findings {
			printPlain(w, f.pkg.Fset, c.opts.context, f.diag)
		}
		err = w.Flush()
	case "json":
		err = writeJSON(c.stdout, graph, findings)
		if err == nil {
			return exitOK // as x/tools: JSON carries the findings
		}
	case "sarif":
		err = report.WriteSARIF(c.stdout, neutral(findings), checks(graph), root, moduleVersion())
	case "github":
		err = report.WriteGitHub(c.stdout, neutral(findings), root)
	}
	if err != nil {
		c.errorf("%v", oneLine(err.Error()))
		return exitErrors
	}
	if len(findings) > 0 {
		return exitFindings
	}
	return exitOK
}

// printPlain prints a diagnostic as "file:line:col: message", its
// related positions likewise with a tab before the message, and with
// contextLines >= 0 the source lines around each, as x/tools does.
func printPlain(w io.Writer, fset *token.FileSet, contextLines int, d analysis.Diagnostic) {
	print := func(pos, end token.Pos, msg string) {
		posn := fset.Position(pos)
		fmt.Fprintf(w, "%s: %s\n", posn, msg)
		if contextLines < 0 {
			return
		}
		endPosn := fset.Position(end)
		if !endPosn.IsValid() {
			endPosn = posn
		}
		data, _ := os.ReadFile(posn.Filename)
		lines := strings.Split(string(data), "\n")
		for i := posn.Line - contextLines; i <= endPosn.Line+contextLines; i++ {
			if 1 <= i && i <= len(lines) {
				fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
			}
		}
	}
	print(d.Pos, d.End, d.Message)
	for _, r := range d.Related {
		print(r.Pos, r.End, "\t"+r.Message)
	}
}

// The JSON output is x/tools' tree: package ID -> analyzer name -> list
// of diagnostics, or {"error": "..."}.
type (
	jsonDiagnostic struct {
		Category       string        `json:"category,omitempty"`
		Posn           string        `json:"posn"`
		End            string        `json:"end"`
		Message        string        `json:"message"`
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonError struct {
		Err string `json:"error"`
	}
)

// writeJSON writes the JSON tree of the findings and of the errors of
// the root actions.
func writeJSON(w io.Writer, graph *checker.Graph, findings []finding) error {
	tree := make(map[string]map[string]any)
	add := func(id, name string, v any) {
		if tree[id] == nil {
			tree[id] = make(map[string]any)
		}
		tree[id][name] = v
	}
	if graph != nil {
		for _, act := range graph.Roots {
			if act.Err != nil && !act.Package.IllTyped {
				add(act.Package.ID, act.Analyzer.Name, jsonError{act.Err.Error()})
			}
		}
	}
	for _, f := range findings {
		m := tree[f.pkg.ID]
		list, _ := m[f.check.Name].([]jsonDiagnostic)
		add(f.pkg.ID, f.check.Name, append(list, toJSON(f.pkg.Fset, f.diag)))
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

func toJSON(fset *token.FileSet, d analysis.Diagnostic) jsonDiagnostic {
	jd := jsonDiagnostic{
		Category: d.Category,
		Posn:     fset.Position(d.Pos).String(),
		End:      fset.Position(cmp.Or(d.End, d.Pos)).String(),
		Message:  d.Message,
	}
	for _, fix := range d.SuggestedFixes {
		jf := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
		for _, e := range fix.TextEdits {
			start, end := fset.Position(e.Pos), fset.Position(cmp.Or(e.End, e.Pos))
			jf.Edits = append(jf.Edits, jsonEdit{start.Filename, start.Offset, end.Offset, string(e.NewText)})
		}
		jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
	}
	for _, r := range d.Related {
		jd.Related = append(jd.Related, jsonRelated{
			Posn:    fset.Position(r.Pos).String(),
			End:     fset.Position(cmp.Or(r.End, r.Pos)).String(),
			Message: r.Message,
		})
	}
	return jd
}

// neutral converts findings to the report package's diagnostics.
func neutral(findings []finding) []report.Diagnostic {
	out := make([]report.Diagnostic, len(findings))
	for i, f := range findings {
		fset := f.pkg.Fset
		d := report.Diagnostic{
			Check:   f.check.Name,
			Message: f.diag.Message,
			Posn:    position(fset, f.diag.Pos),
		}
		for _, r := range f.diag.Related {
			d.Related = append(d.Related, report.Related{Posn: position(fset, r.Pos), Message: r.Message})
		}
		out[i] = d
	}
	return out
}

func position(fset *token.FileSet, pos token.Pos) report.Position {
	p := fset.Position(pos)
	file := p.Filename
	if abs, err := filepath.Abs(file); err == nil && file != "" {
		file = abs
	}
	return report.Position{File: file, Line: p.Line, Column: p.Column}
}

// subsequence returns the findings whose neutral form is in fresh, which
// lists some of them in their order.
func subsequence(findings []finding, fresh []report.Diagnostic) []finding {
	all := neutral(findings)
	var out []finding
	j := 0
	for i, d := range all {
		if j < len(fresh) && sameDiagnostic(d, fresh[j]) {
			out = append(out, findings[i])
			j++
		}
	}
	return out
}

func sameDiagnostic(a, b report.Diagnostic) bool {
	return a.Check == b.Check && a.Message == b.Message && a.Posn == b.Posn && len(a.Related) == len(b.Related)
}

// checks describes the checks that ran, for SARIF's rules.
func checks(graph *checker.Graph) []report.Check {
	var out []report.Check
	seen := make(map[*analysis.Analyzer]bool)
	if graph == nil {
		return nil
	}
	for _, act := range graph.Roots {
		if a := act.Analyzer; !seen[a] {
			seen[a] = true
			out = append(out, report.Check{Name: a.Name, Doc: a.Doc, URL: a.URL})
		}
	}
	return out
}

// repoRoot is the root that reported files are relative to: the
// repository that holds the working directory (the nearest directory
// with a .git entry), else the working directory. CI checks the
// repository out there, and baselines stay valid whichever
// subdirectory dbleaklint runs from.
func repoRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return wd
		}
		dir = parent
	}
}
