// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package diff writes unified diffs, as -diff prints the fixes that
// -fix would apply.
package diff

import (
	"fmt"
	"path/filepath"
	"strings"
)

// diffContext is the number of unchanged lines around each hunk.
const diffContext = 3

// maxDiffCells bounds the work of the line matching; past it, the
// changed middle of the file is one hunk (a correct diff, not a minimal
// one).
const maxDiffCells = 4 << 20

// Unified returns the unified diff that turns before into after, for
// the file name ("--- a/name", "+++ b/name" headers), or "" when they
// are equal. The hunks have three lines of context, as diff -u and git
// diff write them; a file past a few million line pairs gets one hunk
// for its changed middle (a correct diff, not a minimal one).
func Unified(name string, before, after []byte) string {
	a, b := splitLines(string(before)), splitLines(string(after))
	ops := diffLines(a, b)
	var sb strings.Builder
	for i := 0; i < len(ops); {
		// Find the next change and the end of its hunk: changes
		// separated by at most 2*diffContext equal lines share one.
		for i < len(ops) && ops[i].kind == ' ' {
			i++
		}
		if i == len(ops) {
			break
		}
		start := max(0, i-diffContext)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*diffContext {
				end = min(end+diffContext, len(ops))
				break
			}
			end = run
		}
		if sb.Len() == 0 {
			fmt.Fprintf(&sb, "--- a/%s\n+++ b/%s\n", name, name)
		}
		writeHunk(&sb, ops[start:end])
		i = end
	}
	return sb.String()
}

// A lineOp is one line of a diff: ' ' kept, '-' deleted, '+' inserted,
// with its line numbers (1-based) in before and after.
type lineOp struct {
	kind         byte
	text         string
	aLine, bLine int
}

func writeHunk(sb *strings.Builder, ops []lineOp) {
	aStart, bStart, aLen, bLen := 0, 0, 0, 0
	for _, op := range ops {
		if op.kind != '+' {
			if aLen == 0 {
				aStart = op.aLine
			}
			aLen++
		}
		if op.kind != '-' {
			if bLen == 0 {
				bStart = op.bLine
			}
			bLen++
		}
	}
	if aLen == 0 { // unified diff numbers an empty range by the line before
		aStart = ops[0].aLine - 1
	}
	if bLen == 0 {
		bStart = ops[0].bLine - 1
	}
	fmt.Fprintf(sb, "@@ -%s +%s @@\n", hunkRange(aStart, aLen), hunkRange(bStart, bLen))
	for _, op := range ops {
		sb.WriteByte(op.kind)
		sb.WriteString(op.text)
		if !strings.HasSuffix(op.text, "\n") {
			sb.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

func hunkRange(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// splitLines splits s into lines, each with its newline but perhaps the
// last.
func splitLines(s string) []string {
	var lines []string
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

// diffLines matches the lines of a and b: common prefix and suffix,
// then a longest common subsequence of the middle.
func diffLines(a, b []string) []lineOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []lineOp
	for i := range pre {
		ops = append(ops, lineOp{' ', a[i], i + 1, i + 1})
	}
	ops = append(ops, middle(a[pre:len(a)-suf], b[pre:len(b)-suf], pre)...)
	for k := suf; k > 0; k-- {
		i, j := len(a)-k, len(b)-k
		ops = append(ops, lineOp{' ', a[i], i + 1, j + 1})
	}
	return ops
}

// middle diffs the differing middles of two files, which start after
// off equal lines.
func middle(a, b []string, off int) []lineOp {
	var ops []lineOp
	n, m := len(a), len(b)
	if n*m > maxDiffCells {
		for i := range a {
			ops = append(ops, lineOp{'-', a[i], off + i + 1, off + 1})
		}
		for j := range b {
			ops = append(ops, lineOp{'+', b[j], off + n + 1, off + j + 1})
		}
		return ops
	}
	// lcs[i][j] is the length of the longest common subsequence of
	// a[i:] and b[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, lineOp{' ', a[i], off + i + 1, off + j + 1})
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, lineOp{'-', a[i], off + i + 1, off + j + 1})
			i++
		default:
			ops = append(ops, lineOp{'+', b[j], off + i + 1, off + j + 1})
			j++
		}
	}
	return ops
}

// Name returns the name of file in the headers of a diff applied at
// root: relative to root and slash-separated, as the "a/" and "b/"
// prefixes of the headers imply, so that "git apply" or "patch -p1" run
// at root applies the diff. A file outside root keeps its name.
func Name(root, file string) string {
	rel, err := filepath.Rel(root, file)
	if err != nil || !filepath.IsLocal(rel) {
		return file
	}
	return filepath.ToSlash(rel)
}
