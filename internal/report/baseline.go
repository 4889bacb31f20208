// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// baselineVersion is the version of the baseline file format that this
// package reads and writes.
const baselineVersion = 1

// toolName identifies dbleaklint in the files it writes.
const toolName = "dbleaklint"

// A Baseline is the set of findings that a code base had when it adopted
// the gate: a run with a baseline reports only the findings that are not
// in it.
//
// Its file is JSON, one finding per entry, sorted by file, check and
// message, so that updating it gives a readable diff:
//
//	{
//	  "version": 1,
//	  "tool": "dbleaklint",
//	  "findings": [
//	    {
//	      "fingerprint": "3f1c…",
//	      "check": "rowsclose",
//	      "file": "internal/store/users.go",
//	      "message": "rows from db.QueryContext is not closed on the path that returns at users.go:48"
//	    }
//	  ]
//	}
//
// Only the fingerprint matters when filtering; check, file and message
// tell a reader what each entry is.
type Baseline struct {
	Version  int               `json:"version"`
	Tool     string            `json:"tool"`
	Findings []BaselineFinding `json:"findings"`
}

// BaselineFinding is one entry of a baseline.
type BaselineFinding struct {
	Fingerprint string `json:"fingerprint"`
	Check       string `json:"check"`
	File        string `json:"file"` // relative to the root, with forward slashes
	Message     string `json:"message"`
}

// NewBaseline returns the baseline of diags, whose files are made
// relative to root.
func NewBaseline(diags []Diagnostic, root string) (*Baseline, error) {
	p, err := newPaths(root)
	if err != nil {
		return nil, err
	}
	fps, err := newFingerprinter(p, newSources()).all(diags)
	if err != nil {
		return nil, err
	}
	b := &Baseline{Version: baselineVersion, Tool: toolName, Findings: []BaselineFinding{}}
	for i, d := range diags {
		file, _ := p.rel(d.Posn.File)
		b.Findings = append(b.Findings, BaselineFinding{
			Fingerprint: fps[i],
			Check:       d.Check,
			File:        file,
			Message:     d.Message,
		})
	}
	// Sort by what does not move when lines are inserted, so that an
	// update after such an edit only changes the line numbers quoted in
	// messages.
	slices.SortFunc(b.Findings, func(x, y BaselineFinding) int {
		return cmp.Or(
			cmp.Compare(x.File, y.File),
			cmp.Compare(x.Check, y.Check),
			cmp.Compare(normalizeMessage(x.Message), normalizeMessage(y.Message)),
			cmp.Compare(x.Fingerprint, y.Fingerprint),
		)
	})
	return b, nil
}

// WriteBaseline writes the baseline of diags to the file path, replacing
// it. It writes a temporary file first and renames it, so that an
// interrupted run does not leave a truncated baseline behind.
func WriteBaseline(path string, diags []Diagnostic, root string) error {
	b, err := NewBaseline(diags, root)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("writing baseline: %w", err)
	}
	_, err = tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// CreateTemp makes the file private; a baseline is committed
		// and shared like any source file.
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing baseline: %w", err)
	}
	return nil
}

// Write writes b as indented JSON.
func (b *Baseline) Write(w io.Writer) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// ReadBaseline reads the baseline file path. The error of a file that
// does not exist satisfies errors.Is(err, fs.ErrNotExist); a file that is
// not a baseline of a version this package reads is an error that says
// so.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	b, err := parseBaseline(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return b, nil
}

func parseBaseline(data []byte) (*Baseline, error) {
	// Read the header alone first: a file of another version may have
	// another shape, and its version is the useful thing to report.
	var header struct {
		Version *int   `json:"version"`
		Tool    string `json:"tool"`
	}
	if err := json.Unmarshal(data, &header); err != nil {
		return nil, fmt.Errorf("not a dbleaklint baseline: %v", err)
	}
	switch {
	case header.Tool != toolName:
		return nil, fmt.Errorf("not a dbleaklint baseline (tool is %q, want %q)", header.Tool, toolName)
	case header.Version == nil:
		return nil, errors.New("baseline has no version")
	case *header.Version != baselineVersion:
		return nil, fmt.Errorf("baseline version %d is not supported (this dbleaklint reads version %d; rewrite it with -update-baseline)", *header.Version, baselineVersion)
	}
	b := new(Baseline)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(b); err != nil {
		return nil, fmt.Errorf("malformed baseline: %v", err)
	}
	for i, f := range b.Findings {
		if f.Fingerprint == "" {
			return nil, fmt.Errorf("malformed baseline: finding %d has no fingerprint", i+1)
		}
	}
	return b, nil
}

// Len returns the number of findings in the baseline.
func (b *Baseline) Len() int {
	return len(b.Findings)
}

// Filter returns the diagnostics whose fingerprint is not in the
// baseline, in the order of diags, and the number of those that are.
// Files are made relative to root, which should be the root the
// baseline was written with.
func (b *Baseline) Filter(diags []Diagnostic, root string) (fresh []Diagnostic, known int, err error) {
	fps, err := Fingerprints(diags, root)
	if err != nil {
		return nil, 0, err
	}
	inBaseline := make(map[string]bool, len(b.Findings))
	for _, f := range b.Findings {
		inBaseline[f.Fingerprint] = true
	}
	for i, d := range diags {
		if inBaseline[fps[i]] {
			known++
		} else {
			fresh = append(fresh, d)
		}
	}
	return fresh, known, nil
}
