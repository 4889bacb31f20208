// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package docutil extracts a check's documentation from its doc.go.
//
// A check's doc.go is its only source of documentation: the package
// comment holds a section "# Analyzer NAME" whose first line is
// "NAME: one-line summary". The section runs to the next "# Analyzer"
// heading or the end of the comment, so it may hold headings of its
// own ("# Why it matters", "# Example", ...). The check embeds doc.go
// and extracts the section for analysis.Analyzer.Doc; `dbleaklint help
// NAME` prints it and internal/docgen renders it into docs/checks.
package docutil

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the text of section "# Analyzer name" of the package
// comment of the Go source content, without the heading and without the
// "name: " that starts the summary line, as x/tools' analyzers do.
func Extract(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package comment")
	}
	return section(f.Doc, name)
}

func section(doc *ast.CommentGroup, name string) (string, error) {
	text := doc.Text()
	heading := "# Analyzer " + name
	_, rest, ok := strings.Cut(text, heading+"\n")
	if !ok {
		return "", fmt.Errorf("package comment has no %q section", heading)
	}
	if i := strings.Index(rest, "\n# Analyzer "); i >= 0 {
		rest = rest[:i]
	}
	rest = strings.TrimSpace(rest)
	summary, ok := strings.CutPrefix(rest, name+": ")
	if !ok {
		return "", fmt.Errorf("section %q must start with %q", heading, name+": ")
	}
	return summary, nil
}

// MustExtract is like Extract but panics on error. It is meant for
// package initialization, where a malformed doc.go is a programming
// error caught by every test.
func MustExtract(content, name string) string {
	doc, err := Extract(content, name)
	if err != nil {
		panic(fmt.Sprintf("doc for %s: %v", name, err))
	}
	return doc
}
