// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/dbleaklint/dbleaklint/internal/report"
)

// A driver converts each analysis.Diagnostic to a report.Diagnostic with
// absolute file names, then writes the format that was asked for.
func ExampleWriteGitHub() {
	root, err := os.MkdirTemp("", "checkout")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(root)
	file := filepath.Join(root, "users.go")
	src := "package store\n\nfunc f() {\n\trows, err := db.Query(q)\n\tif err != nil {\n\t\treturn\n\t}\n\treturn\n}\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	diags := []report.Diagnostic{{
		Check:   "rowsclose",
		Message: "rows from db.Query is not closed on the path that returns at users.go:8",
		Posn:    report.Position{File: file, Line: 4, Column: 15},
		Related: []report.Related{{Posn: report.Position{File: file, Line: 8, Column: 2}, Message: "rows leaks here"}},
	}}
	if err := report.WriteGitHub(os.Stdout, diags, root); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ::warning file=users.go,line=4,col=15,title=dbleaklint (rowsclose)::rows from db.Query is not closed on the path that returns at users.go:8; rows leaks here: users.go:8
}
