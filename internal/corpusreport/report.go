// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
)

// run prints the report of the corpus that the manifest describes.
func run(w io.Writer, manifestPath, verdictsPath string, verbose bool) error {
	mods, err := readManifest(manifestPath)
	if err != nil {
		return err
	}
	vf, err := os.Open(verdictsPath)
	if err != nil {
		return err
	}
	defer vf.Close()
	vs, err := readVerdicts(vf, verdictsPath)
	if err != nil {
		return err
	}
	byModule := map[string][]verdict{}
	for _, v := range vs {
		byModule[v.Module] = append(byModule[v.Module], v)
	}

	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "module\tkind\tkLoC\tnon-test\tleak\tfalse alarm\tdebatable\tno verdict\ttest\tleak\tfalse alarm\tdebatable\tno verdict\t")
	var total judgement
	var unjudged, stale, failed, partial, checkErrs, subsets []string
	kinds := map[string]int{}
	byKind := map[string]*tally{} // non-test findings by kind of module
	kloc := 0.0
	var details bytes.Buffer // with -v, every finding, printed after the table
	for _, m := range mods {
		delete(byModule, m.ID)
		fs, errs, failure := loadResults(m)
		for _, e := range errs {
			checkErrs = append(checkErrs, m.ID+": "+e)
		}
		if failure != "" {
			failed = append(failed, m.ID+": "+failure)
			fmt.Fprintf(tw, "%s\t%s\t\tno result\t\t\t\t\t\t\t\t\t\t\n", m.ID, m.Kind)
			continue
		}
		kinds[m.Kind]++
		lines, err := countLines(m.Dir, m.Patterns)
		if err != nil {
			return fmt.Errorf("%s: %v", m.ID, err)
		}
		kloc += float64(lines) / 1000
		j := judge(fs, verdictsOf(vs, m.ID))
		if byKind[m.Kind] == nil {
			byKind[m.Kind] = &tally{}
		}
		byKind[m.Kind].sum(j.NonTest)
		total.NonTest.sum(j.NonTest)
		total.Test.sum(j.Test)
		name := m.ID
		if len(m.Patterns) > 1 || m.Patterns[0] != "./..." {
			name += " *"
			subsets = append(subsets, m.ID+": "+strings.Join(m.Patterns, " "))
		}
		if msg := firstLine(m.Results + ".err"); msg != "no output" {
			partial = append(partial, m.ID+": "+msg)
		}
		fmt.Fprintf(tw, "%s\t%s\t%.1f\t%s%s\n", name, m.Kind, float64(lines)/1000, cells(j.NonTest), cells(j.Test))
		for _, f := range j.Unjudged {
			unjudged = append(unjudged, fmt.Sprintf("%s\t%s:%d:%d\t%s\t?\t%s", m.ID, f.File, f.Line, f.Col, f.Check, f.Message))
		}
		for _, v := range j.Stale {
			stale = append(stale, fmt.Sprintf("%s:%d: %s %s %s %s: %s", verdictsPathBase(verdictsPath), v.Source, m.ID, v.position(), v.Check, v.Verdict, v.Reason))
		}
		if verbose {
			printVerbose(&details, m, fs, verdictsOf(vs, m.ID))
		}
	}
	fmt.Fprintf(tw, "total: %d modules\t\t%.1f\t%s%s\n", len(mods)-len(failed), kloc, cells(total.NonTest), cells(total.Test))
	tw.Flush()

	fmt.Fprintf(w, "\nkinds: %s\n", kindSummary(kinds))
	for _, k := range sortedKeys(byKind) {
		t := byKind[k]
		fmt.Fprintf(w, "  %s: %d non-test findings, %d leaks, %d false alarms, %d debatable, precision %s\n",
			k, t.Findings, t.Leak, t.FalseAlarm, t.Debatable, percent(t.precision()))
	}
	fmt.Fprintf(w, "non-test precision: %s (%d leaks, %d false alarms, %d debatable; %d of %d non-test findings judged)\n",
		percent(total.NonTest.precision()), total.NonTest.Leak, total.NonTest.FalseAlarm, total.NonTest.Debatable,
		total.NonTest.Findings-total.NonTest.Unjudged, total.NonTest.Findings)
	fmt.Fprintf(w, "test precision:     %s (%d leaks, %d false alarms, %d debatable; %d of %d test findings judged)\n",
		percent(total.Test.precision()), total.Test.Leak, total.Test.FalseAlarm, total.Test.Debatable,
		total.Test.Findings-total.Test.Unjudged, total.Test.Findings)
	for m, vs := range byModule {
		for _, v := range vs {
			stale = append(stale, fmt.Sprintf("%s:%d: %s is not in the corpus", verdictsPathBase(verdictsPath), v.Source, m))
		}
	}
	sort.Strings(stale)
	section(w, "* linted in these packages only", subsets)
	section(w, "modules with no result", failed)
	section(w, "modules with errors (some packages may not have been analyzed)", partial)
	section(w, "errors of checks", checkErrs)
	section(w, "findings with no verdict (rows to complete: module, position, check, verdict, reason)", unjudged)
	section(w, "verdicts that match no finding (a finding that disappeared: a lost leak or a fixed false alarm)", stale)
	_, err = details.WriteTo(w)
	return err
}

func verdictsOf(vs []verdict, id string) []verdict {
	var out []verdict
	for _, v := range vs {
		if v.Module == id {
			out = append(out, v)
		}
	}
	return out
}

func cells(t tally) string {
	return fmt.Sprintf("%d\t%d\t%d\t%d\t%d\t", t.Findings, t.Leak, t.FalseAlarm, t.Debatable, t.Unjudged)
}

func percent(p float64) string {
	if p < 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f %%", 100*p)
}

func sortedKeys(m map[string]*tally) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func kindSummary(kinds map[string]int) string {
	var parts []string
	for k, n := range kinds {
		parts = append(parts, fmt.Sprintf("%d %s", n, k))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

func verdictsPathBase(p string) string {
	if i := strings.LastIndex(p, "testdata/"); i >= 0 {
		return p[i:]
	}
	return p
}

func section(w io.Writer, title string, lines []string) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s: %d\n", title, len(lines))
	for _, l := range lines {
		fmt.Fprintln(w, "  "+l)
	}
}

// printVerbose lists every finding of m with its verdict.
func printVerbose(w io.Writer, m module, fs []finding, vs []verdict) {
	fmt.Fprintf(w, "\n== %s\n", m.ID)
	for _, f := range fs {
		v := "no verdict"
		if i := verdictFor(f, vs); i >= 0 {
			v = vs[i].Verdict + ": " + vs[i].Reason
		}
		fmt.Fprintf(w, "  %s\n      %s\n", f, v)
	}
}
