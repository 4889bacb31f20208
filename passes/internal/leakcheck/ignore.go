// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package leakcheck

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/dbleaklint/dbleaklint/passes/config"
	"github.com/dbleaklint/dbleaklint/passes/internal/check"
	"github.com/dbleaklint/dbleaklint/passes/internal/docutil"
	"github.com/dbleaklint/dbleaklint/passes/internal/escape"
	"github.com/dbleaklint/dbleaklint/passes/internal/leakflow"
	"github.com/dbleaklint/dbleaklint/passes/internal/rawpool"
	"github.com/dbleaklint/dbleaklint/passes/internal/suggest"
)

// Ignore returns the ignore analyzer of the configuration c, documented
// by the doc.go file whose content is doc: it reports the //dbleaklint:
// directives that are malformed (an unknown name, no reason) or that
// silence nothing.
//
// Every check applies the directives; this one analyzer reports on
// them, so that a bad directive is reported once, not once per check.
// A directive silences something when a check has a finding at its
// place in any mode, whether or not that check is enabled: turning a
// check off, or running without -CHECK.strict, must not make its
// directives "unused" (poolpolicy's findings count where its policy,
// -poolpolicy.enforce and -poolpolicy.allow, makes them findings: on a
// raw Acquire that the leak checks find well released, a directive
// silences nothing unless the policy is enforced). The findings come
// from the analyses behind the checks, never from the checks
// themselves: the engine (the leak checks and nestedacquire), package
// escape (scopeescape) and package rawpool (poolpolicy).
func Ignore(c *config.Config, doc string) *analysis.Analyzer {
	return config.Instance(c, key{check.Ignore}, func() *analysis.Analyzer {
		engine, escapes := leakflow.For(c), escape.For(c)
		name := check.Ignore.String()
		return &analysis.Analyzer{
			Name:             name,
			Doc:              docutil.MustExtract(doc, name),
			URL:              URL(check.Ignore),
			Run:              func(pass *analysis.Pass) (any, error) { return nil, runIgnore(pass, name, c, engine, escapes) },
			Requires:         []*analysis.Analyzer{c.Analyzer, engine, escapes},
			RunDespiteErrors: true,
		}
	})
}

func runIgnore(pass *analysis.Pass, name string, c *config.Config, engine, escapesAnalyzer *analysis.Analyzer) error {
	dirs := parseDirectives(pass)
	if len(dirs.list) == 0 {
		return nil
	}
	res := pass.ResultOf[engine].(*leakflow.Result)
	escapes := pass.ResultOf[escapesAnalyzer].(*escape.Result)
	m := pass.ResultOf[c.Analyzer].(*config.Model)
	policy := rawpool.Policy{Enforce: m.Enforce, Allow: m.Allow}
	used := make(map[*directive]bool)
	use := func(pos token.Pos) {
		if d := dirs.silencing(pos); d != nil {
			used[d] = true
		}
	}
	for _, f := range res.Findings {
		use(Pos(f))
	}
	for _, n := range res.Nested { // nestedacquire's findings
		use(n.Pos)
	}
	for _, f := range escapes.Findings { // scopeescape's
		use(f.Pos)
	}
	for _, u := range policy.Findings(pass) { // poolpolicy's
		use(u.Pos)
	}
	// A function the analysis failed on has no findings: its
	// directives would look unused. The checks report the failure.
	judgeUse := len(res.Errors) == 0 && len(escapes.Errors) == 0
	for _, d := range dirs.list {
		diag := analysis.Diagnostic{Pos: d.comment.Pos(), End: d.comment.End(), Category: name}
		switch {
		case d.name != ignoreName:
			diag.Message = fmt.Sprintf("unknown directive %s%s; the only one is %s%s <reason>", directivePrefix, d.name, directivePrefix, ignoreName)
		case judgeUse && !used[d]:
			diag.Message = "unused dbleaklint:ignore: no finding here to silence"
			if fix := suggest.RemoveComment(pass, d.comment); fix != nil {
				diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
			}
		case d.reason == "":
			diag.Message = "dbleaklint:ignore needs a reason: " + directivePrefix + ignoreName + " <why this is not a leak>"
		default:
			continue
		}
		pass.Report(diag)
	}
	return nil
}
