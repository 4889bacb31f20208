// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package golangci

import (
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestWithoutRelated: the copy reports the diagnostics of the original
// without their related information, and leaves the original alone.
func TestWithoutRelated(t *testing.T) {
	t.Parallel()
	orig := &analysis.Analyzer{
		Name: "leaky",
		Doc:  "reports one finding with related information",
		Run: func(pass *analysis.Pass) (any, error) {
			pass.Report(analysis.Diagnostic{
				Pos:     1,
				Message: "rows not closed on the path that returns at x.go:9",
				Related: []analysis.RelatedInformation{{Pos: 9, Message: "rows leaks here"}},
			})
			return "result", nil
		},
	}
	var got []analysis.Diagnostic
	pass := &analysis.Pass{Report: func(d analysis.Diagnostic) { got = append(got, d) }}

	w := withoutRelated(orig)
	if w == orig || w.Name != orig.Name || w.Doc != orig.Doc {
		t.Fatalf("withoutRelated returned %p %q, want a copy of %p %q", w, w.Name, orig, orig.Name)
	}
	res, err := w.Run(pass)
	if err != nil || res != "result" {
		t.Errorf("Run = %v, %v; want the original's result", res, err)
	}
	if len(got) != 1 || got[0].Message != "rows not closed on the path that returns at x.go:9" || got[0].Related != nil {
		t.Errorf("reported %+v, want the finding without related information", got)
	}

	got = nil
	if _, err := orig.Run(pass); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Related) != 1 {
		t.Errorf("the original reported %+v, want its related information kept", got)
	}
}
