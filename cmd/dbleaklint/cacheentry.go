// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// An entry is what the cache holds for one package: its findings, with
// positions as offsets in the files of a table, so that replaying them
// rebuilds the positions without reading the files.
type entry struct {
	Files    []entryFile
	Findings []entryFinding
}

type entryFile struct {
	Name  string
	Size  int
	Lines []int
}

// An entryPos is a position: an index in Files and an offset; File is
// -1 for no position.
type entryPos struct{ File, Offset int }

type entryFinding struct {
	Check    string
	Pos, End entryPos
	Category string `json:",omitempty"`
	Message  string
	URL      string `json:",omitempty"`
	Related  []entryRelated
	Fixes    []entryFix `json:",omitempty"`
}

type entryRelated struct {
	Pos, End entryPos
	Message  string
}

type entryFix struct {
	Message string
	Edits   []entryEdit
}

type entryEdit struct {
	Pos, End entryPos
	NewText  string
}

// replay rebuilds the findings of an entry.
func (rc *resultCache) replay(p *packages.Package, e *entry, analyzers []*analysis.Analyzer) ([]finding, bool) {
	files := make([]*token.File, len(e.Files))
	for i, ef := range e.Files {
		f := rc.files[ef.Name]
		if f == nil {
			f = rc.fset.AddFile(ef.Name, -1, ef.Size)
			if !f.SetLines(ef.Lines) {
				return nil, false
			}
			rc.files[ef.Name] = f
		} else if f.Size() != ef.Size {
			return nil, false
		}
		files[i] = f
	}
	ok := true
	pos := func(ep entryPos) token.Pos {
		switch {
		case ep.File == -1:
			return token.NoPos
		case ep.File < 0 || ep.File >= len(files) || ep.Offset < 0 || ep.Offset > files[ep.File].Size():
			ok = false
			return token.NoPos
		}
		return files[ep.File].Pos(ep.Offset)
	}
	pkg := &packages.Package{ID: p.ID, Name: p.Name, PkgPath: p.PkgPath, Fset: rc.fset}
	var out []finding
	for _, ef := range e.Findings {
		i := slices.IndexFunc(analyzers, func(a *analysis.Analyzer) bool { return a.Name == ef.Check })
		if i < 0 {
			return nil, false
		}
		d := analysis.Diagnostic{Pos: pos(ef.Pos), End: pos(ef.End), Category: ef.Category, Message: ef.Message, URL: ef.URL}
		for _, r := range ef.Related {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos(r.Pos), End: pos(r.End), Message: r.Message})
		}
		for _, fx := range ef.Fixes {
			sf := analysis.SuggestedFix{Message: fx.Message}
			for _, ed := range fx.Edits {
				sf.TextEdits = append(sf.TextEdits, analysis.TextEdit{Pos: pos(ed.Pos), End: pos(ed.End), NewText: []byte(ed.NewText)})
			}
			d.SuggestedFixes = append(d.SuggestedFixes, sf)
		}
		out = append(out, finding{check: analyzers[i], pkg: pkg, diag: d})
	}
	return out, ok
}

// newEntry encodes the diagnostics of a package's root actions. It
// reports false if one of them failed, or if a position is adjusted by
// a //line directive, which an entry does not record.
func newEntry(fset *token.FileSet, acts []*checker.Action) (*entry, bool) {
	e := &entry{}
	index := make(map[*token.File]int)
	ok := true
	pos := func(p token.Pos) entryPos {
		if !p.IsValid() {
			return entryPos{-1, 0}
		}
		f := fset.File(p)
		if f == nil || fset.Position(p) != fset.PositionFor(p, false) {
			ok = false
			return entryPos{-1, 0}
		}
		i, seen := index[f]
		if !seen {
			i = len(e.Files)
			index[f] = i
			e.Files = append(e.Files, entryFile{Name: f.Name(), Size: f.Size(), Lines: f.Lines()})
		}
		return entryPos{i, f.Offset(p)}
	}
	slices.SortFunc(acts, func(a, b *checker.Action) int { return strings.Compare(a.Analyzer.Name, b.Analyzer.Name) })
	for _, act := range acts {
		if act.Err != nil {
			return nil, false
		}
		for _, d := range act.Diagnostics {
			ef := entryFinding{Check: act.Analyzer.Name, Pos: pos(d.Pos), End: pos(d.End),
				Category: d.Category, Message: d.Message, URL: d.URL, Related: []entryRelated{}}
			for _, r := range d.Related {
				ef.Related = append(ef.Related, entryRelated{pos(r.Pos), pos(r.End), r.Message})
			}
			for _, sf := range d.SuggestedFixes {
				fx := entryFix{Message: sf.Message}
				for _, ed := range sf.TextEdits {
					fx.Edits = append(fx.Edits, entryEdit{pos(ed.Pos), pos(ed.End), string(ed.NewText)})
				}
				ef.Fixes = append(ef.Fixes, fx)
			}
			e.Findings = append(e.Findings, ef)
		}
	}
	return e, ok
}
