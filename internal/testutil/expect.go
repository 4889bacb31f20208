// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package testutil

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"text/scanner"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
)

// The "// want" comments are analysistest's, with the same grammar and
// meaning (see analysistest.Run): a quoted regular expression per
// expected diagnostic on that line, name:"rx" for a fact on the object
// name declared on that line (name "package" for a package fact, on
// line 1), and +N to move the expectations N lines down.

// An expectation is one item of a want comment.
type expectation struct {
	fact string // "" for a diagnostic; the object's name, or "package", for a fact
	rx   *regexp.Regexp
}

func (e expectation) kind() string {
	if e.fact == "" {
		return "diagnostic"
	}
	return "fact"
}

// A line is a position that expectations can name.
type line struct {
	file string
	line int
}

// checkExpectations reports to t every diagnostic and fact of act that no
// want comment of its package expects, and every expectation that
// nothing matched. dir is the tree's root, which messages leave out.
func checkExpectations(t analysistest.Testing, dir string, act *checker.Action) {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	want := make(map[line][]expectation)
	add := func(filename string, lineNo int, text string) {
		text = strings.TrimSpace(text)
		rest, ok := strings.CutPrefix(text, "want")
		if !ok {
			return
		}
		delta, expects, err := parseWant(rest)
		if err != nil {
			t.Errorf("%s:%d: in 'want' comment: %s", short(dir, filename), lineNo, err)
			return
		}
		if expects != nil {
			want[line{filename, lineNo + delta}] = expects
		}
	}
	fset := act.Package.Fset
	for _, f := range act.Package.Syntax {
		wantComments(fset, f, add)
	}
	for _, filename := range act.Package.OtherFiles {
		if err := wantLines(filename, add); err != nil {
			t.Errorf("can't read '// want' comments from %s: %v", filename, err)
		}
	}

	match := func(posn token.Position, fact, message string) {
		if tb, ok := t.(testing.TB); ok {
			tb.Helper()
		}
		k := line{posn.Filename, posn.Line}
		var tried []string
		for i, e := range want[k] {
			if e.fact != fact {
				continue
			}
			if e.rx.MatchString(message) {
				want[k] = append(want[k][:i], want[k][i+1:]...)
				return
			}
			tried = append(tried, fmt.Sprintf("%#q", e.rx))
		}
		kind := expectation{fact: fact}.kind()
		where := fmt.Sprintf("%s:%d:%d", short(dir, posn.Filename), posn.Line, posn.Column)
		if tried == nil {
			t.Errorf("%s: unexpected %s: %v", where, kind, message)
		} else {
			t.Errorf("%s: %s %q does not match pattern %s", where, kind, message, strings.Join(tried, " or "))
		}
	}

	for _, d := range act.Diagnostics {
		match(fset.Position(d.Pos), "", d.Message)
	}
	for _, pf := range act.AllPackageFacts() {
		if pf.Package == act.Package.Types && len(act.Package.Syntax) > 0 {
			posn := fset.Position(act.Package.Syntax[0].Pos())
			posn.Line, posn.Column = 1, 1
			// As analysistest does, the whole PackageFact is printed:
			// the package, then the fact.
			match(posn, "package", fmt.Sprint(pf))
		}
	}
	objFacts := act.AllObjectFacts()
	sort.Slice(objFacts, func(i, j int) bool { return objFacts[i].Object.Pos() < objFacts[j].Object.Pos() })
	for _, of := range objFacts {
		if obj := of.Object; obj.Pkg() == act.Package.Types {
			match(fset.Position(obj.Pos()), obj.Name(), fmt.Sprint(of.Fact))
		}
	}

	var surplus []string
	for k, expects := range want {
		for _, e := range expects {
			surplus = append(surplus, fmt.Sprintf("%s:%d: no %s was reported matching %#q", short(dir, k.file), k.line, e.kind(), e.rx))
		}
	}
	sort.Strings(surplus)
	for _, s := range surplus {
		t.Errorf("%s", s)
	}
}

// wantComments calls add with the text of each comment of f, from the
// "want" of a "// want" nested in it if there is one (a comment about a
// comment), at the comment's position (after //line directives).
func wantComments(fset *token.FileSet, f *ast.File, add func(filename string, line int, text string)) {
	for _, group := range f.Comments {
		for _, c := range group.List {
			text, ok := strings.CutPrefix(c.Text, "//")
			if !ok {
				text = strings.TrimSuffix(strings.TrimPrefix(c.Text, "/*"), "*/")
			}
			if i := strings.Index(text, "// want"); i >= 0 {
				text = text[i+len("// "):]
			}
			posn := fset.Position(c.Pos())
			add(posn.Filename, posn.Line, text)
		}
	}
}

// wantLines calls add with what follows // on each line of a file that
// is not Go source.
func wantLines(filename string, add func(filename string, line int, text string)) error {
	data, err := os.ReadFile(filename)
	if err != nil {
		return err
	}
	for i, text := range strings.Split(string(data), "\n") {
		if j := strings.Index(text, "// want"); j >= 0 {
			text = text[j:]
		}
		if j := strings.Index(text, "//"); j >= 0 {
			add(filename, i+1, text[j+len("//"):])
		}
	}
	return nil
}

// parseWant parses what follows "want" in a comment.
func parseWant(text string) (delta int, expects []expectation, err error) {
	var scanErr string
	var sc scanner.Scanner
	sc.Init(strings.NewReader(text))
	sc.Error = func(_ *scanner.Scanner, msg string) { scanErr = msg }
	sc.Mode = scanner.ScanIdents | scanner.ScanStrings | scanner.ScanRawStrings | scanner.ScanInts

	regexpAt := func(tok rune) (*regexp.Regexp, error) {
		if tok != scanner.String && tok != scanner.RawString {
			return nil, fmt.Errorf("got %s, want regular expression", scanner.TokenString(tok))
		}
		pattern, err := strconv.Unquote(sc.TokenText())
		if err != nil {
			if scanErr != "" {
				err = errors.New(scanErr) // the scanner's word for it
			}
			return nil, err
		}
		return regexp.Compile(pattern)
	}
	for {
		switch tok := sc.Scan(); tok {
		case '+':
			if tok := sc.Scan(); tok != scanner.Int {
				return 0, nil, fmt.Errorf("got +%s, want +Int", scanner.TokenString(tok))
			}
			delta, _ = strconv.Atoi(sc.TokenText())
		case scanner.String, scanner.RawString:
			rx, err := regexpAt(tok)
			if err != nil {
				return 0, nil, err
			}
			expects = append(expects, expectation{rx: rx})
		case scanner.Ident:
			name := sc.TokenText()
			if tok := sc.Scan(); tok != ':' {
				return 0, nil, fmt.Errorf("got %s after %s, want ':'", scanner.TokenString(tok), name)
			}
			rx, err := regexpAt(sc.Scan())
			if err != nil {
				return 0, nil, err
			}
			expects = append(expects, expectation{fact: name, rx: rx})
		case scanner.EOF:
			if scanErr != "" {
				return 0, nil, fmt.Errorf("%s", scanErr)
			}
			return delta, expects, nil
		default:
			return 0, nil, fmt.Errorf("unexpected %s", scanner.TokenString(tok))
		}
	}
}

// short returns filename relative to the src directory of the GOPATH
// tree dir, or to the module dir, for messages.
func short(dir, filename string) string {
	for _, root := range []string{filepath.Join(dir, "src"), dir} {
		if rel, err := filepath.Rel(root, filename); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filename
}
