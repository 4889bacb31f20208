// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report

import (
	"path/filepath"
	"testing"
)

func TestUTF16Column(t *testing.T) {
	for _, tc := range []struct {
		line     string
		byteCol  int
		utf16Col int
		why      string
	}{
		{"\trows, err := db.Query(q)", 15, 15, "ASCII: bytes are units"},
		{`s := "é"; f()`, 12, 11, "é is 2 bytes, 1 unit"},
		{`s := "🙂"; f()`, 14, 12, "an emoji is 4 bytes, 2 units (a surrogate pair)"},
		{`s := "日本"; f()`, 16, 12, "each CJK rune is 3 bytes, 1 unit"},
		{"s := \"\xff\"; f()", 11, 11, "an invalid byte counts as one U+FFFD"},
		{"f()", 6, 6, "past the end of the line, one unit per byte"},
		{"", 7, 7, "an unreadable file keeps the byte column"},
		{"f()", 0, 0, "an unknown column stays unknown"},
	} {
		if got := utf16Column(tc.line, tc.byteCol); got != tc.utf16Col {
			t.Errorf("utf16Column(%q, %d) = %d, want %d (%s)", tc.line, tc.byteCol, got, tc.utf16Col, tc.why)
		}
	}
}

func TestSourcesLine(t *testing.T) {
	root := writeTree(t, map[string]string{"a.go": "package a\r\n\n\tx := 1\n"})
	src := newSources()
	file := filepath.Join(root, "a.go")
	for _, tc := range []struct {
		file string
		n    int
		want string
	}{
		{file, 1, "package a"}, // CR of a CRLF line is not text
		{file, 3, "\tx := 1"},
		{file, 9, ""},                          // past the end
		{filepath.Join(root, "gone.y"), 3, ""}, // a //line target that is not on disk
		{"", 1, ""},                            // no position
	} {
		got, err := src.line(tc.file, tc.n)
		if err != nil || got != tc.want {
			t.Errorf("line(%s, %d) = %q, %v; want %q, nil", tc.file, tc.n, got, err, tc.want)
		}
	}
	// A directory is not a file that is missing: its error is reported.
	if _, err := src.line(root, 1); err == nil {
		t.Errorf("line(dir, 1): got no error")
	}
}
