// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report

import (
	"encoding/json"
	"fmt"
	"go/doc/comment"
	"io"
	"strings"
)

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"

	// srcRoot is the base of the URIs of files in the repository;
	// code scanning resolves it to the checkout.
	srcRoot = "%SRCROOT%"

	// fingerprintKey names dbleaklint's fingerprint among a result's
	// partialFingerprints; the version changes with the scheme.
	fingerprintKey = "dbleaklintFingerprint/v1"

	informationURI = "https://github.com/dbleaklint/dbleaklint"

	// sarifLevel is the level of every finding. The gate is the exit
	// status, which honors the baseline; code scanning does not know
	// the baseline, so its alerts stay warnings that do not fail the
	// upload's check run on their own.
	sarifLevel = "warning"
)

// WriteSARIF writes diags as a SARIF 2.1.0 log for GitHub code scanning:
// one run whose rules are checks (plus a bare rule for any check of a
// finding that checks omits) and one result per finding. Files under
// root have URIs relative to %SRCROOT%, the root; others have absolute
// file: URIs. Columns count UTF-16 code units, as the run declares.
// toolVersion may be empty.
func WriteSARIF(w io.Writer, diags []Diagnostic, checks []Check, root, toolVersion string) error {
	p, err := newPaths(root)
	if err != nil {
		return err
	}
	src := newSources()
	diags = sorted(diags)
	fps, err := newFingerprinter(p, src).all(diags)
	if err != nil {
		return err
	}
	s := &sarifWriter{paths: p, src: src, ruleIndex: make(map[string]int)}
	for _, c := range checks {
		s.addRule(c)
	}
	results := []sarifResult{}
	for i, d := range diags {
		r, err := s.result(d, fps[i])
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:           toolName,
				InformationURI: informationURI,
				Version:        toolVersion,
				Rules:          s.rules,
			}},
			OriginalURIBaseIDs: map[string]sarifArtifactLocation{
				srcRoot: {URI: strings.TrimSuffix(fileURI(p.root), "/") + "/"},
			},
			Results:    results,
			ColumnKind: "utf16CodeUnits",
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Messages quote code: keep "<", ">" and "&" readable.
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifWriter builds the rules and results of a run.
type sarifWriter struct {
	paths     paths
	src       *sources
	rules     []sarifRule
	ruleIndex map[string]int // rule id -> index in rules
}

// addRule adds the rule of check c unless the run has it already.
func (s *sarifWriter) addRule(c Check) int {
	if i, ok := s.ruleIndex[c.Name]; ok {
		return i
	}
	// An analyzer's Doc may start "name: summary", as the x/tools
	// convention for doc.go writes it; the rule names the check already.
	doc := strings.TrimPrefix(strings.TrimSpace(c.Doc), c.Name+": ")
	summary, _, _ := strings.Cut(doc, "\n")
	if summary == "" {
		summary = c.Name
	}
	r := sarifRule{
		ID:                   c.Name,
		ShortDescription:     sarifText{Text: summary},
		HelpURI:              c.URL,
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel},
	}
	if doc != "" {
		r.FullDescription = &sarifText{Text: doc}
		r.Help = &sarifText{Text: doc, Markdown: markdown(doc)}
	}
	s.ruleIndex[c.Name] = len(s.rules)
	s.rules = append(s.rules, r)
	return len(s.rules) - 1
}

// markdown renders a doc comment text, such as an analyzer's Doc, in
// Markdown: its indented examples become code blocks.
func markdown(doc string) string {
	var p comment.Parser
	var pr comment.Printer
	return strings.TrimSpace(string(pr.Markdown(p.Parse(doc))))
}

func (s *sarifWriter) result(d Diagnostic, fingerprint string) (sarifResult, error) {
	loc, err := s.location(d.Posn)
	if err != nil {
		return sarifResult{}, err
	}
	r := sarifResult{
		RuleID:              d.Check,
		RuleIndex:           s.addRule(Check{Name: d.Check}),
		Level:               sarifLevel,
		Message:             sarifText{Text: d.Message},
		Locations:           []sarifLocation{loc},
		PartialFingerprints: map[string]string{fingerprintKey: fingerprint},
	}
	if len(d.Related) == 0 {
		return r, nil
	}
	// Link each related location from the message, so that code
	// scanning shows it; in a message with links, literal brackets and
	// backslashes are escaped (SARIF §3.11.6).
	var links []string
	for i, rel := range d.Related {
		loc, err := s.location(rel.Posn)
		if err != nil {
			return sarifResult{}, err
		}
		loc.ID = i + 1
		loc.Message = &sarifText{Text: rel.Message}
		r.RelatedLocations = append(r.RelatedLocations, loc)
		links = append(links, fmt.Sprintf("[%s](%d)", escapeLinkText(rel.Message), loc.ID))
	}
	r.Message.Text = escapeLinkText(d.Message) + "; see " + strings.Join(links, ", ")
	return r, nil
}

var linkTextEscaper = strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`)

func escapeLinkText(s string) string { return linkTextEscaper.Replace(s) }

// location returns the SARIF location of posn.
func (s *sarifWriter) location(posn Position) (sarifLocation, error) {
	if posn.File == "" {
		return sarifLocation{}, nil
	}
	art := sarifArtifactLocation{}
	if rel, ok := s.paths.rel(posn.File); ok {
		art.URI, art.URIBaseID = relURI(rel), srcRoot
	} else {
		art.URI = fileURI(rel)
	}
	phys := &sarifPhysicalLocation{ArtifactLocation: art}
	if posn.Line > 0 {
		text, err := s.src.line(posn.File, posn.Line)
		if err != nil {
			return sarifLocation{}, err
		}
		phys.Region = &sarifRegion{StartLine: posn.Line, StartColumn: utf16Column(text, posn.Column)}
	}
	return sarifLocation{PhysicalLocation: phys}, nil
}
