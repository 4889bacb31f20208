// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A fingerprint identifies a finding across edits that do not touch it.
// It hashes what the finding is about, never where it is:
//
//   - the check;
//   - the file, relative to the root;
//   - the text of the finding's line with its indentation trimmed and
//     runs of white space collapsed, so that reindenting (a new enclosing
//     block, gofmt realigning) keeps it;
//   - the message with the line numbers of its file:line references
//     removed ("returns at users.go:31" becomes "returns at users.go"),
//     because inserting lines above an exit moves the exit;
//   - the occurrence of that key among the findings of the file, counted
//     in source order, so that two identical lines get distinct
//     fingerprints.
//
// So a finding keeps its fingerprint when lines are inserted or removed
// anywhere in its file, and changes it when its line or its message
// changes. The version in the hash lets a later scheme change every
// fingerprint on purpose.
const fingerprintScheme = "dbleaklint fingerprint v1"

// fingerprintLen is the number of hex digits kept: 128 bits, far from
// any collision among the findings of one code base.
const fingerprintLen = 32

// Fingerprint returns the fingerprint of d, whose file is made relative
// to root, as if d were the only finding with its key in its file.
//
// When several findings are fingerprinted together, as the baseline and
// SARIF output do, use Fingerprints, which numbers identical findings in
// a file.
func Fingerprint(d Diagnostic, root string) (string, error) {
	fps, err := Fingerprints([]Diagnostic{d}, root)
	if err != nil {
		return "", err
	}
	return fps[0], nil
}

// Fingerprints returns the fingerprint of each diagnostic, in the order
// of diags. Findings with the same check, file, line text and message
// are numbered in source order, so that each gets a distinct
// fingerprint that stays the same from one run to the next.
func Fingerprints(diags []Diagnostic, root string) ([]string, error) {
	p, err := newPaths(root)
	if err != nil {
		return nil, err
	}
	return newFingerprinter(p, newSources()).all(diags)
}

type fingerprinter struct {
	paths paths
	src   *sources
}

func newFingerprinter(p paths, src *sources) *fingerprinter {
	return &fingerprinter{paths: p, src: src}
}

// all returns the fingerprints of diags, in the order of diags.
func (f *fingerprinter) all(diags []Diagnostic) ([]string, error) {
	keys := make([]string, len(diags))
	for i, d := range diags {
		k, err := f.key(d)
		if err != nil {
			return nil, err
		}
		keys[i] = k
	}
	// Number identical keys in source order, whatever the order in
	// which the driver collected the findings.
	order := make([]int, len(diags))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return compare(diags[i], diags[j]) })
	seen := make(map[string]int)
	fps := make([]string, len(diags))
	for _, i := range order {
		n := seen[keys[i]]
		seen[keys[i]] = n + 1
		sum := sha256.Sum256([]byte(keys[i] + "\x00" + strconv.Itoa(n)))
		fps[i] = hex.EncodeToString(sum[:])[:fingerprintLen]
	}
	return fps, nil
}

// key returns what identifies d up to its occurrence.
func (f *fingerprinter) key(d Diagnostic) (string, error) {
	line, err := f.src.line(d.Posn.File, d.Posn.Line)
	if err != nil {
		return "", err
	}
	file, _ := f.paths.rel(d.Posn.File)
	return strings.Join([]string{
		fingerprintScheme,
		d.Check,
		file,
		normalizeSpace(line),
		normalizeMessage(d.Message),
	}, "\x00"), nil
}

// normalizeSpace trims s and collapses its runs of white space.
func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

var (
	// fileLine matches a reference to a line (and column) of a file,
	// such as "users.go:31" or "dir/users.go:31:4".
	fileLine = regexp.MustCompile(`([\w.\-/\\]+\.\w+):\d+(?::\d+)?\b`)
	// lineWord matches "line 31", as x/tools analyzers write it.
	lineWord = regexp.MustCompile(`\bline \d+\b`)
)

// normalizeMessage removes the line numbers that a message mentions.
func normalizeMessage(msg string) string {
	msg = fileLine.ReplaceAllString(msg, "$1")
	return lineWord.ReplaceAllString(msg, "line")
}
