// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteGitHub writes diags as GitHub Actions workflow commands, one
// warning annotation per finding:
//
//	::warning file=internal/store/users.go,line=17,col=15,title=dbleaklint (rowsclose)::rows from … ; rows leaks here: internal/store/users.go:31
//
// Files are relative to root, which should be the checkout
// ($GITHUB_WORKSPACE): the runner resolves annotation files against it.
// Columns count UTF-16 code units, as the annotation UI does. Related
// locations are appended to the message rather than issued as separate
// notices: GitHub displays a limited number of annotations per step, and
// one annotation per finding keeps the other findings visible.
func WriteGitHub(w io.Writer, diags []Diagnostic, root string) error {
	p, err := newPaths(root)
	if err != nil {
		return err
	}
	src := newSources()
	bw := bufio.NewWriter(w)
	for _, d := range sorted(diags) {
		text, err := src.line(d.Posn.File, d.Posn.Line)
		if err != nil {
			return err
		}
		var props []string
		if d.Posn.File != "" {
			file, _ := p.rel(d.Posn.File)
			props = append(props, "file="+escapeProperty(file))
		}
		if d.Posn.Line > 0 {
			props = append(props, "line="+strconv.Itoa(d.Posn.Line))
		}
		if col := utf16Column(text, d.Posn.Column); col > 0 {
			props = append(props, "col="+strconv.Itoa(col))
		}
		props = append(props, "title="+escapeProperty(fmt.Sprintf("%s (%s)", toolName, d.Check)))

		msg := d.Message
		for _, r := range d.Related {
			file, _ := p.rel(r.Posn.File)
			msg += fmt.Sprintf("; %s: %s:%d", r.Message, file, r.Posn.Line)
		}
		fmt.Fprintf(bw, "::warning %s::%s\n", strings.Join(props, ","), escapeData(msg))
	}
	return bw.Flush()
}

// The runner (actions/runner, ActionCommand.cs) reads a command as
// "::name key=value,key=value::data". It splits the properties at commas
// and ends them at the first "::", so a property escapes ':' and ','
// besides what data escapes: '%' first, then CR and LF, which would end
// the command. The runner unescapes with the same table.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
