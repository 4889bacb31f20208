// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"fmt"
	"io"
	"strings"
)

// ratio formats a/b.
func ratio(a, b float64) string {
	if b <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", a/b)
}

func cpuRSS(s sample) string { return fmt.Sprintf("%.2fs %dM", s.cpu, s.rss) }

// printTables prints one table per comparison, a row per module.
func printTables(w io.Writer, rows []*row, cold, golangci, standalone bool) {
	table := func(title, note string, header []string, cells func(r *row) []string) {
		fmt.Fprintf(w, "\n### %s\n\n", title)
		fmt.Fprintf(w, "| %s |\n|%s\n", strings.Join(header, " | "), strings.Repeat(" --- |", len(header)))
		for _, r := range rows {
			fmt.Fprintf(w, "| %s |\n", strings.Join(append([]string{r.name}, cells(r)...), " | "))
		}
		if note != "" {
			fmt.Fprintf(w, "\n%s\n", note)
		}
	}
	met := func(ok func(r *row) bool) string {
		n := 0
		for _, r := range rows {
			if ok(r) {
				n++
			}
		}
		return fmt.Sprintf("%d of %d modules", n, len(rows))
	}

	if standalone {
		table("Warm build cache (CPU time, peak RSS)",
			"Target: dbleaklint <= 0.3x the baseline's CPU: met on "+met(func(r *row) bool { return r.dbleaklint.cpu <= 0.3*r.baseline.cpu })+".",
			[]string{"module", "pkgs", "baseline", "sqlclosecheck", "dbleaklint", "dbleaklint/baseline cpu, rss", "dbleaklint/sqlclosecheck cpu, rss"},
			func(r *row) []string {
				return []string{fmt.Sprint(r.pkgs), cpuRSS(r.baseline), cpuRSS(r.sqlclosecheck), cpuRSS(r.dbleaklint),
					ratio(r.dbleaklint.cpu, r.baseline.cpu) + " " + ratio(float64(r.dbleaklint.rss), float64(r.baseline.rss)),
					ratio(r.dbleaklint.cpu, r.sqlclosecheck.cpu) + " " + ratio(float64(r.dbleaklint.rss), float64(r.sqlclosecheck.rss))}
			})
	}
	if standalone && cold {
		table("Empty build cache (CPU time, peak RSS; each tool with a build cache of its own)",
			"Target: dbleaklint <= sqlclosecheck in CPU and in memory: met on "+
				met(func(r *row) bool {
					return r.coldDbleaklint.cpu <= r.coldSqlclosecheck.cpu && r.coldDbleaklint.rss <= r.coldSqlclosecheck.rss
				})+".",
			[]string{"module", "baseline", "sqlclosecheck", "dbleaklint", "dbleaklint/sqlclosecheck cpu, rss", "dbleaklint/baseline cpu, rss"},
			func(r *row) []string {
				return []string{cpuRSS(r.coldBaseline), cpuRSS(r.coldSqlclosecheck), cpuRSS(r.coldDbleaklint),
					ratio(r.coldDbleaklint.cpu, r.coldSqlclosecheck.cpu) + " " + ratio(float64(r.coldDbleaklint.rss), float64(r.coldSqlclosecheck.rss)),
					ratio(r.coldDbleaklint.cpu, r.coldBaseline.cpu) + " " + ratio(float64(r.coldDbleaklint.rss), float64(r.coldBaseline.rss))}
			})
	}
	if standalone {
		table("Repeated runs (CPU time)",
			"Target: repeated <= 0.1x the first run: met on "+met(func(r *row) bool { return r.repeated.cpu <= 0.1*r.dbleaklint.cpu })+
				". edited: after a comment is appended to one file of a package that dbleaklint analyzes (that package and its importers are analyzed again).",
			[]string{"module", "first run", "repeated", "repeated/first", "edited (pkgs again)", "edited/first", "vet repeated", "vet/baseline", "floor (go list -export)"},
			func(r *row) []string {
				return []string{fmt.Sprintf("%.2fs", r.dbleaklint.cpu), fmt.Sprintf("%.2fs", r.repeated.cpu), ratio(r.repeated.cpu, r.dbleaklint.cpu),
					fmt.Sprintf("%.2fs (%d)", r.edited.cpu, r.edits), ratio(r.edited.cpu, r.dbleaklint.cpu),
					fmt.Sprintf("%.2fs", r.vet.cpu), ratio(r.vet.cpu, r.baseline.cpu), fmt.Sprintf("%.2fs", r.floor.cpu)}
			})
	}
	if golangci {
		table("golangci-lint "+golangciVersion+", one linter enabled (CPU time, peak RSS)", "",
			[]string{"module", "sqlclosecheck", "dbleaklint", "dbleaklint/sqlclosecheck cpu, rss", "sqlclosecheck, cached", "dbleaklint, cached", "cached: dbleaklint/sqlclosecheck cpu, rss"},
			func(r *row) []string {
				return []string{cpuRSS(r.gclSqlclosecheck), cpuRSS(r.gclDbleaklint),
					ratio(r.gclDbleaklint.cpu, r.gclSqlclosecheck.cpu) + " " + ratio(float64(r.gclDbleaklint.rss), float64(r.gclSqlclosecheck.rss)),
					cpuRSS(r.gclSqlclosecheckCached), cpuRSS(r.gclDbleaklintCached),
					ratio(r.gclDbleaklintCached.cpu, r.gclSqlclosecheckCached.cpu) + " " + ratio(float64(r.gclDbleaklintCached.rss), float64(r.gclSqlclosecheckCached.rss))}
			})
	}
}
