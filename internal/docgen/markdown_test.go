// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package docgen

import "testing"

func TestMarkdown(t *testing.T) {
	for _, test := range []struct {
		name, doc, want string
	}{
		{
			"heading one level down",
			"# Why it matters\n\nBecause.\n",
			"## Why it matters\n\nBecause.\n",
		},
		{
			"paragraph keeps its lines",
			"Rows pin their\nconnection.\n",
			"Rows pin their\nconnection.\n",
		},
		{
			"code is fenced Go",
			"For example:\n\n\tif err != nil {\n\t\treturn err\n\t}\n",
			"For example:\n\n```go\nif err != nil {\n\treturn err\n}\n```\n",
		},
		{
			"a command line is shell",
			"The flag:\n\n\t-ownership.resource='{}'\n",
			"The flag:\n\n```sh\n-ownership.resource='{}'\n```\n",
		},
		{
			"backticks in code lengthen the fence",
			"Raw:\n\n\ts := `x`\n\tt := ```\n",
			"Raw:\n\n````go\ns := `x`\nt := ```\n````\n",
		},
		{
			"list items and their later lines",
			"It is:\n\n  - stored in a field, a global,\n    or a map;\n  - returned.\n",
			"It is:\n\n- stored in a field, a global,\n  or a map;\n- returned.\n",
		},
		{
			"numbered list",
			"Steps:\n\n 1. build\n 2. run\n",
			"Steps:\n\n1. build\n2. run\n",
		},
		{
			"inline markup is escaped",
			"a *sql.Rows, a_b, `x`, [y] and <reason>\n",
			"a \\*sql.Rows, a\\_b, \\`x\\`, \\[y] and \\<reason>\n",
		},
		{
			"block markup at a line's start is escaped",
			"the flag\n- x and\n+ y,\n1. z, the\n# w\n> v\n===\n",
			"the flag\n\\- x and\n\\+ y,\n1\\. z, the\n\\# w\n\\> v\n\\===\n",
		},
		{
			"a flag at a line's start is not a list",
			"it needs\n-poolpolicy.enforce.\n",
			"it needs\n-poolpolicy.enforce.\n",
		},
		{
			"a URL is left as is",
			"See https://pkg.go.dev/a_b for more.\n",
			"See https://pkg.go.dev/a_b for more.\n",
		},
	} {
		t.Run(test.name, func(t *testing.T) {
			if got := markdown(parse(test.doc).Content, 2); got != test.want {
				t.Errorf("markdown of\n%s\ngot\n%s\nwant\n%s", test.doc, got, test.want)
			}
		})
	}
}

func TestFirstSentence(t *testing.T) {
	for in, want := range map[string]string{
		"On.": "On",
		"On; the first half only with -poolpolicy.enforce. More.": "On; the first half only with -poolpolicy.enforce",
		"Off": "Off",
	} {
		if got := firstSentence(in); got != want {
			t.Errorf("firstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
