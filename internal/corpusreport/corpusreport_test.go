// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const mod = "example.com/m@v1.0.0"

func TestReadVerdicts(t *testing.T) {
	good := "# comment\n\n" +
		mod + "\tdb/users.go:42\trowsclose\tleak\trows not closed when Scan fails\n" +
		mod + "\tdb/users.go:42:9\ttxend\tfalse-alarm\terr is non-nil on that path\n" +
		mod + "\tdb/*_test.go:*\tconnrelease\tdebatable\ttests end the process\n"
	vs, err := readVerdicts(strings.NewReader(good), "v.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 3 || vs[0].Line != 42 || vs[0].Col != 0 || vs[1].Col != 9 || !vs[2].pattern() || vs[2].Source != 5 {
		t.Fatalf("parsed %+v", vs)
	}
	for _, bad := range []struct{ row, want string }{
		{mod + "\tdb/users.go:42\trowsclose\tleak", "5 tab-separated fields"},
		{"example.com/m\tdb/users.go:42\trowsclose\tleak\tr", "no @version"},
		{mod + "\tdb/users.go:42\trowsclose\tbug\tr", `verdict "bug"`},
		{mod + "\tdb/users.go:42\trowsclose\tleak\t ", "no reason"},
		{mod + "\tdb/users.go\trowsclose\tleak\tr", "not FILE:LINE"},
		{mod + "\tdb/users.go:x\trowsclose\tleak\tr", "bad line"},
		{mod + "\tdb/users.go:4:0\trowsclose\tleak\tr", "bad column"},
		{mod + "\tdb/*.go:*\trowsclose\tleak\tr", "only findings in test files"},
		{mod + "\tdb/*_test.go:3\trowsclose\tleak\tr", "takes the line *"},
		{mod + "\tdb/a.go:1\trowsclose\tleak\tr\n" + mod + "\tdb/a.go:1\trowsclose\tdebatable\tr", "judged already at line 1"},
	} {
		_, err := readVerdicts(strings.NewReader(bad.row+"\n"), "v.tsv")
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: error %v, want it to contain %q", bad.row, err, bad.want)
		}
	}
}

func TestJudge(t *testing.T) {
	vs, err := readVerdicts(strings.NewReader(
		mod+"\ta.go:10\trowsclose\tleak\tr\n"+
			mod+"\ta.go:20:5\ttxend\tfalse-alarm\tr\n"+
			mod+"\ta.go:30\ttxend\tdebatable\tgone\n"+
			mod+"\t*_test.go:*\trowsclose\tdebatable\tr\n"+
			mod+"\ta_test.go:7\trowsclose\tleak\tr\n"), "v.tsv")
	if err != nil {
		t.Fatal(err)
	}
	fs := []finding{
		{File: "a.go", Line: 10, Col: 3, Check: "rowsclose"},       // leak
		{File: "a.go", Line: 10, Col: 3, Check: "stmtclose"},       // other check: no verdict
		{File: "a.go", Line: 20, Col: 5, Check: "txend"},           // false alarm
		{File: "a.go", Line: 20, Col: 6, Check: "txend"},           // other column: no verdict
		{File: "a_test.go", Line: 7, Col: 1, Check: "rowsclose"},   // exact row wins over the pattern
		{File: "b_test.go", Line: 1, Col: 1, Check: "rowsclose"},   // pattern
		{File: "x/c_test.go", Line: 1, Col: 1, Check: "rowsclose"}, // pattern without a slash: any directory
	}
	j := judge(fs, vs)
	if want := (tally{Findings: 4, Leak: 1, FalseAlarm: 1, Unjudged: 2}); j.NonTest != want {
		t.Errorf("non-test %+v, want %+v", j.NonTest, want)
	}
	if want := (tally{Findings: 3, Leak: 1, Debatable: 2}); j.Test != want {
		t.Errorf("test %+v, want %+v", j.Test, want)
	}
	if len(j.Unjudged) != 2 || j.Unjudged[0].Check != "stmtclose" || j.Unjudged[1].Col != 6 {
		t.Errorf("unjudged %v", j.Unjudged)
	}
	if len(j.Stale) != 1 || j.Stale[0].Line != 30 {
		t.Errorf("stale %v", j.Stale)
	}
	if p := j.NonTest.precision(); p != 0.5 {
		t.Errorf("precision %v, want 0.5", p)
	}
	if p := (tally{Debatable: 3}).precision(); p != -1 {
		t.Errorf("precision of nothing judged %v, want -1", p)
	}
}

func TestReadFindings(t *testing.T) {
	// The same diagnostic from a package and its test variant, an error
	// of a check, and a position outside the root (kept absolute).
	data := `{
	"example.com/m/db": {"rowsclose": [{"posn": "/r/db/a.go:3:4", "message": "rows leak"}]},
	"example.com/m/db [example.com/m/db.test]": {
		"rowsclose": [{"posn": "/r/db/a.go:3:4", "message": "rows leak"}, {"posn": "/r/db/a_test.go:9:1", "message": "t"}],
		"txend": {"error": "internal error: boom"}
	},
	"other": {"connrelease": [{"posn": "/elsewhere/x.go:1:2", "message": "c"}]}
}`
	fs, errs, err := readFindings([]byte(data), "/r")
	if err != nil {
		t.Fatal(err)
	}
	want := []finding{
		{File: "/elsewhere/x.go", Line: 1, Col: 2, Check: "connrelease", Message: "c"},
		{File: "db/a.go", Line: 3, Col: 4, Check: "rowsclose", Message: "rows leak"},
		{File: "db/a_test.go", Line: 9, Col: 1, Check: "rowsclose", Message: "t"},
	}
	if len(fs) != len(want) {
		t.Fatalf("findings %v, want %v", fs, want)
	}
	for i := range want {
		if fs[i] != want[i] {
			t.Errorf("finding %d: %v, want %v", i, fs[i], want[i])
		}
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "internal error: boom") {
		t.Errorf("errors %v", errs)
	}
	if _, _, err := readFindings([]byte("db.go:1:1: text output"), "/r"); err == nil {
		t.Error("text output was accepted as JSON")
	}
}

func TestCountLines(t *testing.T) {
	root := t.TempDir()
	write(t, root, "a.go", "package a\n\nfunc A() {}\n")  // 3
	write(t, root, "a_test.go", "package a\n")            // test: not counted
	write(t, root, "db/b.go", "package db\n")             // 1
	write(t, root, "db/sub/c.go", "package sub\nvar C\n") // 2
	write(t, root, "db/testdata/d.go", "package d\n")     // testdata: not counted
	write(t, root, "nested/go.mod", "module n\n")
	write(t, root, "nested/e.go", "package n\n") // another module: not counted
	for _, c := range []struct {
		patterns []string
		want     int
	}{
		{[]string{"./..."}, 6},
		{[]string{"./db/..."}, 3},
		{[]string{"./db"}, 1},
		{[]string{"./db", "./db/..."}, 3},
		{[]string{"./nested/..."}, 1},
	} {
		n, err := countLines(root, c.patterns)
		if err != nil || n != c.want {
			t.Errorf("countLines(%v) = %d, %v; want %d", c.patterns, n, err, c.want)
		}
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "m")
	write(t, root, "db/a.go", strings.Repeat("\n", 1500))
	write(t, dir, "m.json", `{"example.com/m/db": {"rowsclose": [
		{"posn": "`+root+`/db/a.go:3:4", "message": "rows from db.Query is not closed"},
		{"posn": "`+root+`/db/a.go:8:2", "message": "rows from tx.Query is not closed"}]}}`)
	write(t, dir, "m.err", "-: build constraints exclude all Go files in /m/tools\n")
	write(t, dir, "broken.err", "go: example.com/broken@v1.0.0: 403 Forbidden\nmore\n")
	write(t, dir, "empty.json", "{}\n")
	write(t, dir, "empty.err", "x.go:1:2: could not import example.com/gone\n")
	write(t, dir, "manifest.tsv",
		mod+"\tapp\t"+root+"\t./db/...\t"+filepath.Join(dir, "m")+"\n"+
			"example.com/broken@v1.0.0\tlib\t"+filepath.Join(dir, "broken")+"\t./...\t"+filepath.Join(dir, "broken")+"\n"+
			"example.com/empty@v1.0.0\tlib\t"+filepath.Join(dir, "empty")+"\t./...\t"+filepath.Join(dir, "empty")+"\n")
	write(t, dir, "verdicts.tsv",
		mod+"\tdb/a.go:3\trowsclose\tleak\tnot closed when Scan fails\n"+
			mod+"\tdb/a.go:5\trowsclose\tleak\tthe leak that was lost\n"+
			"example.com/gone@v1.0.0\tx.go:1\ttxend\tleak\tr\n")
	var out bytes.Buffer
	if err := run(&out, filepath.Join(dir, "manifest.tsv"), filepath.Join(dir, "verdicts.tsv"), true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"example.com/m@v1.0.0 *   app   1.5          2     1            0          0           1     0",
		"* linted in these packages only: 1\n  example.com/m@v1.0.0: ./db/...\n",
		"non-test precision: 100.0 % (1 leaks, 0 false alarms, 0 debatable; 1 of 2 non-test findings judged)",
		"  app: 2 non-test findings, 1 leaks, 0 false alarms, 0 debatable, precision 100.0 %\n",
		"modules with no result: 2\n  example.com/broken@v1.0.0: go: example.com/broken@v1.0.0: 403 Forbidden\n" +
			"  example.com/empty@v1.0.0: x.go:1:2: could not import example.com/gone\n",
		"findings with no verdict (rows to complete: module, position, check, verdict, reason): 1\n" +
			"  example.com/m@v1.0.0\tdb/a.go:8:2\trowsclose\t?\trows from tx.Query is not closed\n",
		"modules with errors (some packages may not have been analyzed): 1\n  example.com/m@v1.0.0: -: build constraints exclude all Go files in /m/tools\n",
		"verdicts that match no finding",
		"verdicts.tsv:2: example.com/m@v1.0.0 db/a.go:5 rowsclose leak: the leak that was lost",
		"verdicts.tsv:3: example.com/gone@v1.0.0 is not in the corpus",
		"  db/a.go:3:4: rowsclose: rows from db.Query is not closed\n      leak: not closed when Scan fails\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, out.String())
		}
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
