// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"unicode/utf16"
)

// sources reads the lines of the files that findings point into, each
// file once.
type sources struct {
	files map[string]*sourceFile
}

type sourceFile struct {
	lines []string
	err   error
}

func newSources() *sources {
	return &sources{files: make(map[string]*sourceFile)}
}

// line returns line n (1-based) of file without its line terminator.
//
// A file that does not exist, or a line past its end, reads as empty
// rather than as an error: a //line directive may map a position into a
// file that is not on disk (a grammar, a template), and such a finding is
// still worth reporting. Other read errors are returned.
func (s *sources) line(file string, n int) (string, error) {
	if file == "" || n <= 0 {
		return "", nil
	}
	f, ok := s.files[file]
	if !ok {
		f = new(sourceFile)
		data, err := os.ReadFile(file)
		switch {
		case err == nil:
			f.lines = strings.Split(string(data), "\n")
		case !errors.Is(err, fs.ErrNotExist):
			f.err = err
		}
		s.files[file] = f
	}
	if f.err != nil {
		return "", f.err
	}
	if n > len(f.lines) {
		return "", nil
	}
	return strings.TrimSuffix(f.lines[n-1], "\r"), nil
}

// utf16Column converts the 1-based byte column col of line to the
// 1-based column in UTF-16 code units that SARIF and GitHub count in.
// Bytes past the end of the line (an unreadable file) count one unit
// each, so that ASCII text keeps its column. Column 0 means unknown and
// stays 0.
func utf16Column(line string, col int) int {
	if col <= 0 {
		return 0
	}
	end := min(col-1, len(line))
	units := 0
	for _, r := range line[:end] {
		// An invalid byte decodes as U+FFFD, one unit, as the
		// editors that replace it display it.
		units += utf16.RuneLen(r)
	}
	return units + (col - 1 - end) + 1
}
