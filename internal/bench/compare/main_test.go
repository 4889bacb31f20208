// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/testutil"
)

// TestAnalyzedPackages checks the packages that the edited step picks
// from against the module's reach.txt, the table that ssabuild's and the
// loader's answers are checked against (passes/internal/ssabuild), with
// the resource that the module's configuration file declares; and the
// file it edits: of the first of them in dependency order.
func TestAnalyzedPackages(t *testing.T) {
	dir := filepath.Join(testutil.TestData(), "mod", "reach")
	testutil.DownloadModules(t, dir)
	env := []string{"GO111MODULE=on", "GOPROXY=off", "GOWORK=off"}
	pkgs, err := analyzedPackages(dir, env)
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string]bool)
	for _, p := range pkgs {
		got[p.ID] = true
	}
	table := testutil.WantReach(t, dir)
	for id, want := range table {
		if strings.Contains(id, " [") {
			continue // the benchmark leaves tests out
		}
		if got[id] != want {
			t.Errorf("analyzed %s: %t, want %t (reach.txt)", id, got[id], want)
		}
	}
	for id := range got {
		if _, ok := table[id]; !ok {
			t.Errorf("analyzed %s, which reach.txt does not list", id)
		}
	}
	file, err := analyzedFile(dir, env)
	if err != nil {
		t.Fatal(err)
	}
	// cache, the first target, imports store: store comes first.
	if want := filepath.Join(dir, "store", "store.go"); file != want {
		t.Errorf("analyzedFile = %s, want %s", file, want)
	}
}
