// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package analyzer_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/dbleaklint/dbleaklint/analyzer"
)

// configBlock is a YAML block of a Markdown page that is a whole
// configuration file: its first line names the file.
var configBlock = regexp.MustCompile("(?ms)^```yaml\n(# \\.dbleaklint\\.yml\n.*?)^```")

// TestGuideConfig: the configuration file that the user guide shows is
// one that dbleaklint accepts.
func TestGuideConfig(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../docs/guide.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := configBlock.FindAllSubmatch(data, -1)
	if len(blocks) == 0 {
		t.Fatal("docs/guide.md shows no configuration file (a yaml block starting \"# .dbleaklint.yml\")")
	}
	for _, b := range blocks {
		name := filepath.Join(t.TempDir(), analyzer.ConfigFileName)
		if err := os.WriteFile(name, b[1], 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := analyzer.ReadConfigFile(name)
		if err == nil {
			_, err = analyzer.New(c)
		}
		if err != nil {
			t.Errorf("the guide's configuration file is invalid: %v\n%s", err, b[1])
		}
	}
}
