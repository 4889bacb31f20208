// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package demo

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"text/tabwriter"
	"time"
)

// Print writes the before/after table of the reports, one column each,
// then the leaks each twin's middleware named.
func Print(w io.Writer, cfg Config, reports []*Report) {
	// Right-aligned columns; the labels are padded to one width, so they
	// read left-aligned.
	const labelWidth = 34
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(label string, cell func(r *Report) string) {
		fmt.Fprintf(tw, "%-*s\t", labelWidth, label)
		for _, r := range reports {
			fmt.Fprintf(tw, "%s\t", cell(r))
		}
		fmt.Fprintln(tw)
	}
	num := func(f func(r *Report) int) func(r *Report) string {
		return func(r *Report) string { return fmt.Sprint(f(r)) }
	}
	row("", func(r *Report) string { return r.Variant })
	row("requests", num(func(r *Report) int { return r.Load.Sent }))
	row("successes (2xx, 404, 409)", num(func(r *Report) int { return r.Load.Successes() }))
	row("errors (5xx, no answer)", num(func(r *Report) int { return r.Load.Errors() }))
	row("acquire timeouts (pool exhausted)", func(r *Report) string { return fmt.Sprint(r.AcquireTimeouts) })
	row("  answered 503", num(func(r *Report) int { return r.Load.Status(http.StatusServiceUnavailable) }))
	row("p50 latency", func(r *Report) string { return ms(r.Load.Percentile(50)) })
	row("p99 latency", func(r *Report) string { return ms(r.Load.Percentile(99)) })
	row("connections held at the end", func(r *Report) string { return fmt.Sprintf("%d of %d", r.Held, cfg.MaxConns) })
	row("leaks named by the middleware", num(func(r *Report) int { return r.LeakCount() }))
	row("held > 1s, warned by the monitor", num(func(r *Report) int { return r.MonitorWarnings }))
	row("acquired while holding (sites)", num(func(r *Report) int { return len(r.Nested) }))
	tw.Flush()

	for _, r := range reports {
		if len(r.Leaks) == 0 {
			fmt.Fprintf(w, "\n%s: the middleware named no leak; every connection went back to the pool.\n", r.Variant)
			continue
		}
		fmt.Fprintf(w, "\n%s: the middleware named the lines that acquired what leaked (both pools):\n", r.Variant)
		width := 0
		for _, s := range r.Leaks {
			width = max(width, len(s.Location))
		}
		for _, s := range r.Leaks {
			fmt.Fprintf(w, "  %3dx  %-11s %s%s  %s\n", s.Count, s.Kind, s.Location, strings.Repeat(" ", width-len(s.Location)), s.Function)
		}
	}
	for _, r := range reports {
		for _, n := range r.Nested {
			fmt.Fprintf(w, "\n%s: the runtime noted a connection acquired while the same request held one of the same pool:\n"+
				"  %s  %s, while holding the connection taken at %s\n", r.Variant, n.Site, n.Function, n.HeldSite)
		}
		if r.Exhausted != "" {
			fmt.Fprintf(w, "\n%s: when the pool ran dry, a 503 as the server's log shows it:\n  %s\n", r.Variant, r.Exhausted)
		}
	}
}

// ms formats d in milliseconds, with one decimal under 10 ms.
func ms(d time.Duration) string {
	m := float64(d) / float64(time.Millisecond)
	if m < 10 {
		return fmt.Sprintf("%.1fms", m)
	}
	return fmt.Sprintf("%.0fms", m)
}
