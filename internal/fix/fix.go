// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package fix applies the suggested fixes of diagnostics to files, as
// the standalone command's -fix and -diff do.
//
// A [Set] gathers the first suggested fix of each diagnostic. A fix is
// taken whole or not at all: one whose edits overlap the edits already
// taken (other than by repeating them) is rejected, with a line saying
// so. [Set.Files] then returns each changed file before and after,
// gofmt-ed, and [WriteFile] replaces a file atomically.
package fix

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis"
)

// An edit replaces the bytes [start, end) of a file with text.
type edit struct {
	start, end int
	text       string
}

// A Set gathers the edits of suggested fixes, per file.
type Set struct {
	edits map[string][]edit // by file name
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{edits: make(map[string][]edit)} }

// Add adds the first suggested fix of d, whose positions are in fset,
// if it has one, and reports whether it did; a fix that it rejects is
// explained by conflict, a line starting with d's position.
func (s *Set) Add(fset *token.FileSet, d analysis.Diagnostic) (applied bool, conflict string) {
	if len(d.SuggestedFixes) == 0 {
		return false, ""
	}
	fix := d.SuggestedFixes[0]
	byFile := make(map[string][]edit)
	for _, te := range fix.TextEdits {
		// The file as written, not as a //line directive renames it.
		start, end := fset.PositionFor(te.Pos, false), fset.PositionFor(cmp.Or(te.End, te.Pos), false)
		if start.Filename == "" || start.Filename != end.Filename || end.Offset < start.Offset {
			return false, fmt.Sprintf("%s: fix %q has an invalid edit", fset.Position(d.Pos), fix.Message)
		}
		byFile[start.Filename] = append(byFile[start.Filename], edit{start.Offset, end.Offset, string(te.NewText)})
	}
	for file, edits := range byFile {
		merged, ok := merge(s.edits[file], edits)
		if !ok {
			return false, fmt.Sprintf("%s: fix %q conflicts with another fix; not applied", fset.Position(d.Pos), fix.Message)
		}
		byFile[file] = merged
	}
	for file, merged := range byFile {
		s.edits[file] = merged
	}
	return true, ""
}

// merge returns the sorted union of two lists of edits, or false if an
// edit of add overlaps an edit of have without being the same edit.
// Two insertions at the same offset overlap too: their order would be
// arbitrary.
func merge(have, add []edit) ([]edit, bool) {
	out := slices.Clone(have)
	for _, e := range add {
		dup := false
		for _, h := range out {
			if h == e {
				dup = true
				break
			}
			bothInsert := e.start == e.end && h.start == h.end
			if e.start < h.end && h.start < e.end || bothInsert && e.start == h.start {
				return nil, false
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	// At one offset, an insertion goes before a replacement.
	sort.Slice(out, func(i, j int) bool {
		return cmp.Or(cmp.Compare(out[i].start, out[j].start), cmp.Compare(out[i].end, out[j].end)) < 0
	})
	return out, true
}

// apply returns src with the sorted, disjoint edits applied.
func apply(src []byte, edits []edit) ([]byte, error) {
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.start < last || e.end > len(src) {
			return nil, fmt.Errorf("edit [%d,%d) out of range or overlapping", e.start, e.end)
		}
		out.Write(src[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// A File is a file that the fixes change.
type File struct {
	Name          string
	Before, After []byte
}

// Files reads the files that the fixes edit and returns, sorted by name,
// those that the edits change, gofmt-ed; a file that no longer parses
// after its edits is kept unformatted.
func (s *Set) Files() ([]File, error) {
	var out []File
	for name, edits := range s.edits {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		fixed, err := apply(src, edits)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if formatted, err := format.Source(fixed); err == nil {
			fixed = formatted
		}
		if !bytes.Equal(src, fixed) {
			out = append(out, File{name, src, fixed})
		}
	}
	slices.SortFunc(out, func(a, b File) int { return cmp.Compare(a.Name, b.Name) })
	return out, nil
}

// WriteFile replaces the file name with data: it writes a temporary file
// beside it, with the same permissions, and renames it, so that the file
// is never seen half written.
func WriteFile(name string, data []byte) error {
	fi, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".dbleaklint-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(fi.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
