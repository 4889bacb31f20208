// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakcheck

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
)

// Pos is where the finding is reported: the acquiring call, or the
// defer statement for a release deferred in a loop. A
// //dbleaklint:ignore directive is matched against this position.
func Pos(f *leakflow.Finding) token.Pos {
	if f.Kind == leakflow.DeferInLoop && len(f.Exits) > 0 {
		return f.Exits[0]
	}
	return f.Acquire
}

// diagnostic reports a finding at Pos, with each leaking exit as
// related information.
func diagnostic(id check.ID, f *leakflow.Finding) analysis.Diagnostic {
	d := analysis.Diagnostic{Pos: Pos(f), Category: id.String(), Message: f.Message}
	if f.Kind == leakflow.DeferInLoop {
		return d
	}
	for _, exit := range f.Exits {
		d.Related = append(d.Related, analysis.RelatedInformation{
			Pos:     exit,
			Message: fmt.Sprintf("%s leaks here", f.Type.Noun),
		})
	}
	return d
}

func (c *leakCheck) reportUntracked(pass *analysis.Pass, res *leakflow.Result) {
	for _, u := range res.Untracked {
		if u.Type.Check != c.id {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:      u.Acquire,
			Category: c.id.String() + "/debug",
			Message:  fmt.Sprintf("debug: %s from %s is not tracked: %s", u.Type.Noun, u.Callee, u.Reason),
		})
	}
}
