// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakcheck

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The suppression directive is
//
//	//dbleaklint:ignore <reason>
//
// written like every Go directive: no space after the slashes. It
// silences every dbleaklint finding reported on one line, or in one
// function:
//
//   - at the end of a line of code, the findings reported on that line;
//   - on a line of its own, the findings reported on the next line;
//   - in the doc comment of a function declaration, every finding
//     reported inside the function, its closures included.
//
// A finding is reported at the acquiring call (at the defer statement
// for deferloop). A reason is required; a directive without one still
// silences, and the ignore analyzer reports it.
const directivePrefix = "//dbleaklint:"

// ignoreName is the only directive there is.
const ignoreName = "ignore"

// A directive is one //dbleaklint: comment.
type directive struct {
	comment *ast.Comment
	name    string // "ignore" for a well-formed directive
	reason  string

	// It silences the findings on line of file, or, when fn is not
	// nil, the findings inside fn.
	file *token.File
	line int
	fn   *ast.FuncDecl
}

// directives are those of one package, in source order.
type directives struct {
	fset *token.FileSet
	list []*directive
}

// parseDirectives finds the directives of the pass's files. Only
// comments that start with "//dbleaklint:" are looked at, so the cost
// is one scan of the comments.
func parseDirectives(pass *analysis.Pass) *directives {
	ds := &directives{fset: pass.Fset}
	for _, file := range pass.Files {
		var funcOf map[*ast.CommentGroup]*ast.FuncDecl // built on the first directive
		for _, group := range file.Comments {
			for _, c := range group.List {
				rest, ok := strings.CutPrefix(c.Text, directivePrefix)
				if !ok {
					continue
				}
				if funcOf == nil {
					funcOf = docComments(file)
				}
				d := &directive{comment: c, file: pass.Fset.File(c.Pos())}
				d.name, d.reason = splitDirective(rest)
				if fn := funcOf[group]; fn != nil {
					d.fn = fn
				} else {
					d.line = physicalLine(d.file, c.Pos())
					if !trailing(file, d.file, c) {
						d.line++
					}
				}
				ds.list = append(ds.list, d)
			}
		}
	}
	return ds
}

// splitDirective splits "ignore reason text" into the directive's name
// and its reason.
func splitDirective(s string) (name, reason string) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[:i], strings.TrimSpace(s[i:])
	}
	return s, ""
}

// docComments maps the doc comment of each function declaration of the
// file to the declaration.
func docComments(file *ast.File) map[*ast.CommentGroup]*ast.FuncDecl {
	m := make(map[*ast.CommentGroup]*ast.FuncDecl)
	for _, decl := range file.Decls {
		if fn, ok := decl.(*ast.FuncDecl); ok && fn.Doc != nil {
			m[fn.Doc] = fn
		}
	}
	return m
}

// trailing reports whether code precedes the comment on its line: some
// syntax node ends on that line before the comment starts. The walk
// only descends into nodes that reach the comment's line.
func trailing(file *ast.File, tf *token.File, c *ast.Comment) bool {
	line := physicalLine(tf, c.Pos())
	found := false
	ast.Inspect(file, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= c.Pos() || physicalLine(tf, n.End()) < line {
			return false
		}
		if n.End() <= c.Pos() && physicalLine(tf, n.End()) == line {
			found = true
			return false
		}
		return true
	})
	return found
}

// silencing returns the ignore directive that silences a finding
// reported at pos, or nil. A directive on the line wins over one on
// the enclosing function, so that the latter is reported unused when
// the lines' directives silence everything.
func (ds *directives) silencing(pos token.Pos) *directive {
	if len(ds.list) == 0 {
		return nil
	}
	tf := ds.fset.File(pos)
	if tf == nil {
		return nil
	}
	line := physicalLine(tf, pos)
	var inFunc *directive
	for _, d := range ds.list {
		switch {
		case d.name != ignoreName:
		case d.fn == nil && d.file == tf && d.line == line:
			return d
		case d.fn != nil && inFunc == nil && d.fn.Pos() <= pos && pos < d.fn.End():
			inFunc = d
		}
	}
	return inFunc
}

// physicalLine returns the line of pos in the file as written: a
// directive applies to the line it stands on or the next one, whatever
// a //line directive says the lines are.
func physicalLine(tf *token.File, pos token.Pos) int {
	return tf.PositionFor(pos, false).Line
}
