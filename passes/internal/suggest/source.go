// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package suggest

import (
	"bytes"
	"go/ast"
	"go/token"
	"os"

	"golang.org/x/tools/go/analysis"
)

// source returns the content of the file holding pos, or nil when it
// cannot be read or does not match the parsed file.
func source(pass *analysis.Pass, pos token.Pos) (*token.File, []byte) {
	tf := pass.Fset.File(pos)
	if tf == nil {
		return nil, nil
	}
	read := pass.ReadFile
	if read == nil {
		read = os.ReadFile
	}
	data, err := read(tf.Name())
	if err != nil || len(data) != tf.Size() {
		return nil, nil
	}
	return tf, data
}

// insertLineAfter returns the edit that inserts text on a new line
// after the statement after, indented as the statement indent is, or
// nil when the layout is not one line per statement: indent must start
// its line, and only a comment may follow after on its last line.
func insertLineAfter(pass *analysis.Pass, indent, after ast.Stmt, text string) *analysis.TextEdit {
	tf, data := source(pass, indent.Pos())
	if data == nil {
		return nil
	}
	start := tf.Offset(indent.Pos())
	lineStart := lineStart(data, start)
	prefix := data[lineStart:start]
	if len(bytes.Trim(prefix, " \t")) != 0 {
		return nil
	}
	end := tf.Offset(after.End())
	eol := bytes.IndexByte(data[end:], '\n')
	if eol < 0 {
		return nil
	}
	rest := bytes.TrimLeft(data[end:end+eol], " \t")
	if len(rest) > 0 && !bytes.HasPrefix(rest, []byte("//")) {
		return nil
	}
	at := tf.Pos(end + eol)
	line := "\n" + string(prefix) + text
	return &analysis.TextEdit{Pos: at, End: at, NewText: []byte(line)}
}

// RemoveComment returns the fix that deletes the line comment c: its
// whole line when the comment stands alone on it, else the comment and
// the blanks before it.
func RemoveComment(pass *analysis.Pass, c *ast.Comment) *analysis.SuggestedFix {
	tf, data := source(pass, c.Pos())
	if data == nil {
		return nil
	}
	start, end := tf.Offset(c.Pos()), tf.Offset(c.End())
	lineStart := lineStart(data, start)
	if len(bytes.Trim(data[lineStart:start], " \t")) == 0 {
		start = lineStart
		if end < len(data) && data[end] == '\n' {
			end++
		}
	} else {
		for start > lineStart && (data[start-1] == ' ' || data[start-1] == '\t') {
			start--
		}
	}
	return &analysis.SuggestedFix{
		Message:   "Remove the directive",
		TextEdits: []analysis.TextEdit{{Pos: tf.Pos(start), End: tf.Pos(end)}},
	}
}

// lineStart returns the offset of the start of the line holding offset.
// It reads the bytes rather than the file's line table, whose lines a
// //line directive may renumber.
func lineStart(data []byte, offset int) int {
	return bytes.LastIndexByte(data[:offset], '\n') + 1
}
