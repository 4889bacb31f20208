// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
)

// An edit replaces the bytes [start, end) of a file with text.
type edit struct {
	start, end int
	text       string
}

// A fixSet gathers the edits of suggested fixes, per file. A fix is
// taken whole or not at all: one whose edits overlap the edits already
// taken (other than by repeating them) is rejected.
type fixSet struct {
	edits map[string][]edit // by file name
}

// add adds the first suggested fix of f, if it has one, and reports
// whether it did; a fix that it rejects is explained by conflict.
func (s *fixSet) add(fset *token.FileSet, f finding) (applied bool, conflict string) {
	if len(f.diag.SuggestedFixes) == 0 {
		return false, ""
	}
	fix := f.diag.SuggestedFixes[0]
	byFile := make(map[string][]edit)
	for _, te := range fix.TextEdits {
		// The file as written, not as a //line directive renames it.
		start, end := fset.PositionFor(te.Pos, false), fset.PositionFor(cmp.Or(te.End, te.Pos), false)
		if start.Filename == "" || start.Filename != end.Filename || end.Offset < start.Offset {
			return false, fmt.Sprintf("%s: fix %q has an invalid edit", fset.Position(f.diag.Pos), fix.Message)
		}
		byFile[start.Filename] = append(byFile[start.Filename], edit{start.Offset, end.Offset, string(te.NewText)})
	}
	for file, edits := range byFile {
		merged, ok := merge(s.edits[file], edits)
		if !ok {
			return false, fmt.Sprintf("%s: fix %q conflicts with another fix; not applied", fset.Position(f.diag.Pos), fix.Message)
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

// fixedFiles returns the original and fixed content of every file that
// the edits change, gofmt-ed; a file that no longer parses after its
// edits is kept unformatted.
func (s *fixSet) fixedFiles() (map[string][2][]byte, error) {
	out := make(map[string][2][]byte)
	for file, edits := range s.edits {
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		fixed, err := apply(src, edits)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", file, err)
		}
		if formatted, err := format.Source(fixed); err == nil {
			fixed = formatted
		}
		if !bytes.Equal(src, fixed) {
			out[file] = [2][]byte{src, fixed}
		}
	}
	return out, nil
}

// writeFileAtomic replaces the file name with data: it writes a
// temporary file beside it, with the same permissions, and renames it.
func writeFileAtomic(name string, data []byte) error {
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

// applyFixes applies (-fix) or prints as a diff (-diff) the first
// suggested fix of every finding. The findings without a fix, or whose
// fix conflicts with another, are printed as text. -fix then reports
// each fix it applied on a line of its own, and exits with status 3
// when findings remain; -diff, which changes nothing, exits with status
// 3 when there is any finding, fixable or not.
func (c *command) applyFixes(findings []finding) int {
	set := &fixSet{edits: make(map[string][]edit)}
	var left, fixed []finding
	for _, f := range findings {
		ok, conflict := set.add(f.pkg.Fset, f)
		if conflict != "" {
			c.errorf("%s", conflict)
		}
		if ok {
			fixed = append(fixed, f)
		} else {
			left = append(left, f)
		}
	}
	files, err := set.fixedFiles()
	if err != nil {
		c.errorf("%v", oneLine(err.Error()))
		return exitErrors
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	root := repoRoot()
	for _, name := range names {
		before, after := files[name][0], files[name][1]
		if c.opts.diff {
			fmt.Fprint(c.stdout, unifiedDiff(diffName(root, name), before, after))
			continue
		}
		if err := writeFileAtomic(name, after); err != nil {
			c.errorf("%v", oneLine(err.Error()))
			return exitErrors
		}
	}
	if c.opts.fix {
		for _, f := range fixed {
			printFixed(c.stderr, f)
		}
		if len(fixed) > 0 {
			fmt.Fprintf(c.stderr, "%s: applied %d fixes to %d files\n", progname, len(fixed), len(names))
		}
	}
	for _, f := range left {
		printPlain(c.stderr, f.pkg.Fset, c.opts.context, f.diag)
	}
	if len(left) > 0 || c.opts.diff && len(fixed) > 0 {
		return exitFindings
	}
	return exitOK
}

// printFixed reports the fix of f that -fix applied, as
//
//	file:line: fixed: message
//
// with the finding's position in the file as written (the one that
// changed, whatever a //line directive calls it) and the fix's message,
// which says what it inserted, and what it removed or left in place.
func printFixed(w io.Writer, f finding) {
	posn := f.pkg.Fset.PositionFor(f.diag.Pos, false)
	fmt.Fprintf(w, "%s:%d: fixed: %s\n", posn.Filename, posn.Line, f.diag.SuggestedFixes[0].Message)
}

// diffName is the name of file in the headers of -diff: relative to
// the repository root and slash-separated, as the "a/" and "b/"
// prefixes of the headers imply, so that "git apply" or "patch -p1"
// run at the root applies the diff. A file outside the root keeps its
// name.
func diffName(root, file string) string {
	rel, err := filepath.Rel(root, file)
	if err != nil || !filepath.IsLocal(rel) {
		return file
	}
	return filepath.ToSlash(rel)
}
