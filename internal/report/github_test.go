// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteGitHub(t *testing.T) {
	root := writeTree(t, map[string]string{"store/users.go": usersV1})
	file := filepath.Join(root, "store", "users.go")
	d := leak(t, file)
	exit := d.Related[0].Posn.Line
	tx := Diagnostic{
		Check:   "txend",
		Message: "transaction tx from s.db.BeginTx is not committed or rolled back",
		Posn:    Position{File: file, Line: 3, Column: 1},
	}
	var buf bytes.Buffer
	// Findings are written in source order whatever their order here.
	if err := WriteGitHub(&buf, []Diagnostic{d, tx}, root); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=store/users.go,line=3,col=1,title=dbleaklint (txend)::transaction tx from s.db.BeginTx is not committed or rolled back\n" +
		fmt.Sprintf("::warning file=store/users.go,line=4,col=15,title=dbleaklint (rowsclose)::rows from s.db.QueryContext is not closed on the path that returns at users.go:%d; defer rows.Close() after the error check; rows leaks here: store/users.go:%d\n", exit, exit)
	if got := buf.String(); got != want {
		t.Errorf("WriteGitHub wrote\n%s\nwant\n%s", got, want)
	}
}

// TestWriteGitHubEscaping writes findings whose file, check and message
// hold every character that the runner treats specially, and parses the
// output back as the runner does.
func TestWriteGitHubEscaping(t *testing.T) {
	root := writeTree(t, map[string]string{
		"odd, dir/a:b%.go": "package a\n\n\tvar s = \"é🙂\"; rows, _ := db.Query(s)\n",
	})
	file := filepath.Join(root, "odd, dir", "a:b%.go")
	msg := "100% leaked:: twice\r\nsee ::error::x, and %0A"
	d := Diagnostic{Check: "rows,close:x", Message: msg, Posn: at(t, file, "db.Query")}
	outside := Diagnostic{Check: "txend", Message: "m", Posn: Position{File: filepath.Join(t.TempDir(), "x.go"), Line: 2}}
	var buf bytes.Buffer
	if err := WriteGitHub(&buf, []Diagnostic{d, outside}, root); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want one command per finding:\n%s", len(lines), buf.String())
	}
	var cmds []runnerCommand
	for _, l := range lines {
		cmd, ok := parseRunnerCommand(l)
		if !ok {
			t.Fatalf("the runner would not parse %q", l)
		}
		cmds = append(cmds, cmd)
	}
	if cmds[0].file() != outside.Posn.File && cmds[1].file() != outside.Posn.File {
		t.Errorf("a file outside the root should keep its absolute path %s: got %q, %q", outside.Posn.File, cmds[0].file(), cmds[1].file())
	}
	var cmd runnerCommand
	for _, c := range cmds {
		if c.props["title"] != "dbleaklint (txend)" {
			cmd = c
		}
	}
	wantProps := map[string]string{
		"file":  "odd, dir/a:b%.go",
		"line":  "3",
		"col":   fmt.Sprint(d.Posn.Column - 3), // é is 2 bytes, 1 unit; the emoji 4 bytes, 2 units
		"title": "dbleaklint (rows,close:x)",
	}
	if cmd.name != "warning" || cmd.data != msg || fmt.Sprint(cmd.props) != fmt.Sprint(wantProps) {
		t.Errorf("the runner reads %q %v %q;\nwant warning %v %q", cmd.name, cmd.props, cmd.data, wantProps, msg)
	}
}

type runnerCommand struct {
	name  string
	props map[string]string
	data  string
}

func (c runnerCommand) file() string { return c.props["file"] }

// parseRunnerCommand parses a workflow command as actions/runner does
// (ActionCommand.TryParseV2): the command information ends at the first
// "::" after the leading one, properties are separated by commas and
// split at their first '=', and each part is unescaped with its table,
// "%25" last.
func parseRunnerCommand(line string) (runnerCommand, bool) {
	line = strings.TrimLeft(line, " \t")
	if !strings.HasPrefix(line, "::") {
		return runnerCommand{}, false
	}
	info, data, ok := strings.Cut(line[2:], "::")
	if !ok {
		return runnerCommand{}, false
	}
	name, propStr, _ := strings.Cut(info, " ")
	cmd := runnerCommand{name: name, props: make(map[string]string)}
	for _, p := range strings.Split(propStr, ",") {
		if k, v, ok := strings.Cut(p, "="); ok && k != "" && v != "" {
			cmd.props[k] = unescapeRunner(v, "%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
		}
	}
	cmd.data = unescapeRunner(data, "%0D", "\r", "%0A", "\n", "%25", "%")
	return cmd, true
}

// unescapeRunner replaces each escape in turn, as the runner does.
func unescapeRunner(s string, pairs ...string) string {
	for i := 0; i < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	return s
}
