// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestGolangciVersion: the tables name the golangci-lint version that
// scripts/custom-gcl.sh builds.
func TestGolangciVersion(t *testing.T) {
	script, err := os.ReadFile("../../../scripts/custom-gcl.sh")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^gcl_version=(\S+)$`).FindSubmatch(script)
	if m == nil {
		t.Fatal("scripts/custom-gcl.sh sets no gcl_version")
	}
	if string(m[1]) != golangciVersion {
		t.Errorf("compare names golangci-lint %s; scripts/custom-gcl.sh builds %s", golangciVersion, m[1])
	}
}

// TestPrintTables checks the cells and the targets of the tables on two
// made-up modules, one that meets every target and one that meets none.
func TestPrintTables(t *testing.T) {
	good := &row{name: "good@v1", pkgs: 3,
		baseline: sample{cpu: 8, rss: 1000}, sqlclosecheck: sample{cpu: 8, rss: 1000}, dbleaklint: sample{cpu: 2, rss: 100},
		repeated: sample{cpu: 0.1}, edited: sample{cpu: 1}, edits: 2, vet: sample{cpu: 0.5}, floor: sample{cpu: 0.4},
		coldBaseline: sample{cpu: 10, rss: 1000}, coldSqlclosecheck: sample{cpu: 10, rss: 1000}, coldDbleaklint: sample{cpu: 5, rss: 200},
		gclSqlclosecheck: sample{cpu: 4, rss: 300}, gclDbleaklint: sample{cpu: 4, rss: 330},
		gclSqlclosecheckCached: sample{cpu: 0.5, rss: 100}, gclDbleaklintCached: sample{cpu: 0.5, rss: 100},
	}
	bad := &row{name: "bad@v1", pkgs: 1,
		baseline: sample{cpu: 1, rss: 100}, sqlclosecheck: sample{cpu: 1, rss: 100}, dbleaklint: sample{cpu: 2, rss: 100},
		repeated:          sample{cpu: 1},
		coldSqlclosecheck: sample{cpu: 1, rss: 100}, coldDbleaklint: sample{cpu: 1, rss: 101},
	}
	var b strings.Builder
	printTables(&b, []*row{good, bad}, true, true, true)
	out := b.String()
	for _, want := range []string{
		"### Warm build cache (CPU time, peak RSS)",
		"| good@v1 | 3 | 8.00s 1000M | 8.00s 1000M | 2.00s 100M | 0.25x 0.10x | 0.25x 0.10x |",
		"Target: dbleaklint <= 0.3x the baseline's CPU: met on 1 of 2 modules.",
		"| good@v1 | 10.00s 1000M | 10.00s 1000M | 5.00s 200M | 0.50x 0.20x | 0.50x 0.20x |",
		// A tie in CPU time meets the target, one more MiB misses it.
		"Target: dbleaklint <= sqlclosecheck in CPU and in memory: met on 1 of 2 modules.",
		"| good@v1 | 2.00s | 0.10s | 0.05x | 1.00s (2) | 0.50x | 0.50s | 0.06x | 0.40s |",
		"Target: repeated <= 0.1x the first run: met on 1 of 2 modules.",
		"### golangci-lint " + golangciVersion + ", one linter enabled (CPU time, peak RSS)",
		"| good@v1 | 4.00s 300M | 4.00s 330M | 1.00x 1.10x | 0.50s 100M | 0.50s 100M | 1.00x 1.00x |",
		// A ratio to nothing measured is a dash.
		"| bad@v1 | 0.00s 0M | 1.00s 100M | 1.00s 101M | 1.00x 1.01x | - - |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the tables lack %q:\n%s", want, out)
		}
	}

	b.Reset()
	printTables(&b, []*row{good}, false, false, true)
	if out := b.String(); strings.Contains(out, "Empty build cache") || strings.Contains(out, "golangci-lint") {
		t.Errorf("tables of runs not made:\n%s", out)
	}
}
