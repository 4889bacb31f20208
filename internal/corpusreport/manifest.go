// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// A module is one line of the manifest: a module of the corpus and where
// its copy and its results are.
type module struct {
	ID       string   // module@version
	Kind     string   // app, store or lib
	Dir      string   // the module's root
	Patterns []string // the package patterns that were linted
	Results  string   // the results' path without extension
}

func readManifest(path string) ([]module, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var mods []module
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 5 {
			return nil, fmt.Errorf("%s:%d: want 5 tab-separated fields, have %d", path, n, len(fields))
		}
		mods = append(mods, module{
			ID:       fields[0],
			Kind:     fields[1],
			Dir:      fields[2],
			Patterns: strings.Fields(fields[3]),
			Results:  fields[4],
		})
	}
	return mods, sc.Err()
}
