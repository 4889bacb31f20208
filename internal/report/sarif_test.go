// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dbleaklint/dbleaklint/internal/report/sariftest"
)

var testChecks = []Check{
	{
		Name: "rowsclose",
		Doc:  "report query rows that are not closed on every path\n\nOpen rows pin their connection. For example:\n\n\trows, err := db.Query(q)\n\tif err != nil {\n\t\treturn err\n\t}",
		URL:  "https://pkg.go.dev/github.com/dbleaklint/dbleaklint/passes/rowsclose",
	},
	{
		Name: "txend",
		Doc:  "txend: report transactions that are not ended\n\nA transaction holds its connection.",
		URL:  "https://pkg.go.dev/github.com/dbleaklint/dbleaklint/passes/txend",
	},
}

// unicodeSource has a string literal with non-ASCII text before the
// call on the finding's line.
const unicodeSource = `package store

func Greet(db *sql.DB) {
	msg := "héllo 🙂"; rows, _ := db.Query(msg)
	_ = rows
}
`

// sarifFixture writes a checkout and returns it with its findings: a
// leak with a related location, a finding after non-ASCII text, one in a
// file outside the checkout and one of a check that checks omits.
func sarifFixture(t *testing.T) (root string, diags []Diagnostic) {
	root = writeTree(t, map[string]string{
		"store/users.go":   usersV1,
		"store/greet é.go": unicodeSource,
	})
	outside := filepath.Join(t.TempDir(), "gen", "x.go")
	writeFile(t, outside, "package gen\n\nvar _ = tx\n")
	l := leak(t, filepath.Join(root, "store", "users.go"))
	l.Message += ` in \[]T`
	diags = []Diagnostic{
		l,
		{Check: "rowsclose", Message: "rows from db.Query is not closed [sic]", Posn: at(t, filepath.Join(root, "store", "greet é.go"), "db.Query")},
		{Check: "txend", Message: "transaction tx is not committed or rolled back", Posn: at(t, outside, "tx")},
		{Check: "sqlrowserr", Message: "rows.Err must be checked", Posn: Position{File: filepath.Join(root, "store", "users.go"), Line: 9, Column: 2}},
	}
	return root, diags
}

func writeSARIF(t *testing.T, diags []Diagnostic, root string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, diags, testChecks, root, "v0.3.0"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteSARIF(t *testing.T) {
	root, diags := sarifFixture(t)
	out := writeSARIF(t, diags, root)
	var log sarifLog
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("decoding the log: %v\n%s", err, out)
	}
	if log.Version != "2.1.0" || log.Schema != "https://json.schemastore.org/sarif-2.1.0.json" || len(log.Runs) != 1 {
		t.Fatalf("log has version %q, $schema %q, %d runs; want 2.1.0, schemastore's, 1", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	if base := run.OriginalURIBaseIDs["%SRCROOT%"].URI; base != fileURI(root)+"/" {
		t.Errorf("%%SRCROOT%% = %q, want %q", base, fileURI(root)+"/")
	}
	drv := run.Tool.Driver
	if drv.Name != "dbleaklint" || drv.Version != "v0.3.0" || drv.InformationURI == "" {
		t.Errorf("driver = %q %q %q", drv.Name, drv.Version, drv.InformationURI)
	}

	// One rule per check, in order, then one for the unknown check.
	var ids []string
	for _, r := range drv.Rules {
		ids = append(ids, r.ID)
	}
	if want := []string{"rowsclose", "txend", "sqlrowserr"}; !slices.Equal(ids, want) {
		t.Fatalf("rules %v, want %v", ids, want)
	}
	rc, tx := drv.Rules[0], drv.Rules[1]
	if rc.ShortDescription.Text != "report query rows that are not closed on every path" ||
		tx.ShortDescription.Text != "report transactions that are not ended" {
		t.Errorf("short descriptions %q, %q: want the first line of each doc without the name", rc.ShortDescription.Text, tx.ShortDescription.Text)
	}
	if rc.FullDescription.Text != testChecks[0].Doc || rc.Help.Text != testChecks[0].Doc || rc.HelpURI != testChecks[0].URL {
		t.Errorf("rule rowsclose: full description %q, help %q, helpUri %q; want the doc and URL", rc.FullDescription.Text, rc.Help.Text, rc.HelpURI)
	}
	// A tab-indented block is a code block in CommonMark.
	if !strings.Contains(rc.Help.Markdown, "For example:\n\n\trows, err := db.Query(q)\n") {
		t.Errorf("help.markdown does not render the example as code:\n%s", rc.Help.Markdown)
	}
	if want := "report transactions that are not ended\n\nA transaction holds its connection."; tx.FullDescription.Text != want {
		t.Errorf("rule txend: full description %q, want %q", tx.FullDescription.Text, want)
	}
	if drv.Rules[2].ShortDescription.Text != "sqlrowserr" || drv.Rules[2].Help != nil {
		t.Errorf("rule of an unknown check = %+v, want a bare rule", drv.Rules[2])
	}

	fps, err := Fingerprints(sorted(diags), root)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Results) != len(diags) {
		t.Fatalf("%d results, want %d", len(run.Results), len(diags))
	}
	byURI := make(map[string]sarifResult)
	for i, r := range run.Results {
		if r.RuleIndex < 0 || r.RuleIndex >= len(drv.Rules) || drv.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleIndex %d does not name rule %s", i, r.RuleIndex, r.RuleID)
		}
		if r.Level != "warning" || len(r.Locations) != 1 {
			t.Errorf("result %d: level %q, %d locations", i, r.Level, len(r.Locations))
		}
		if fp := r.PartialFingerprints["dbleaklintFingerprint/v1"]; fp != fps[i] {
			t.Errorf("result %d: fingerprint %q, want %q", i, fp, fps[i])
		}
		if r.RuleID != "sqlrowserr" {
			byURI[r.Locations[0].PhysicalLocation.ArtifactLocation.URI] = r
		}
	}

	// The leak: relative URI, byte column = UTF-16 column in ASCII,
	// and its exit as a related location linked from the message.
	leakRes := byURI["store/users.go"]
	// In a message with links, literal brackets and backslashes are
	// escaped.
	wantText := strings.ReplaceAll(diags[0].Message, ` in \[]T`, ` in \\\[\]T`) + "; see [rows leaks here](1)"
	if leakRes.Message.Text != wantText {
		t.Errorf("leak message = %q, want %q", leakRes.Message.Text, wantText)
	}
	wantLoc := sarifLocation{PhysicalLocation: &sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: "store/users.go", URIBaseID: "%SRCROOT%"},
		Region:           &sarifRegion{StartLine: 4, StartColumn: 15},
	}}
	if !sameJSON(leakRes.Locations, []sarifLocation{wantLoc}) {
		t.Errorf("leak location = %s", toJSON(leakRes.Locations))
	}
	exit := diags[0].Related[0].Posn
	wantRel := sarifLocation{ID: 1, Message: &sarifText{Text: "rows leaks here"}, PhysicalLocation: &sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: "store/users.go", URIBaseID: "%SRCROOT%"},
		Region:           &sarifRegion{StartLine: exit.Line, StartColumn: exit.Column},
	}}
	if !sameJSON(leakRes.RelatedLocations, []sarifLocation{wantRel}) {
		t.Errorf("related locations = %s, want %s", toJSON(leakRes.RelatedLocations), toJSON([]sarifLocation{wantRel}))
	}

	// After "héllo 🙂", the byte column exceeds the UTF-16 column by 1
	// (é: 2 bytes, 1 unit) plus 2 (🙂: 4 bytes, a surrogate pair).
	uni, ok := byURI["store/greet%20%C3%A9.go"]
	if !ok {
		t.Fatalf("no result with URI store/greet%%20%%C3%%A9.go: the file name is not percent-encoded")
	}
	if uni.Message.Text != diags[1].Message {
		t.Errorf("message without links = %q, want it unescaped: %q", uni.Message.Text, diags[1].Message)
	}
	if loc := uni.Locations[0].PhysicalLocation; loc.Region.StartColumn != diags[1].Posn.Column-3 {
		t.Errorf("non-ASCII line: location %s; want URI store/greet%%20%%C3%%A9.go, column %d", toJSON(loc), diags[1].Posn.Column-3)
	}
	if uni.RelatedLocations != nil {
		t.Errorf("a finding without related locations has %s", toJSON(uni.RelatedLocations))
	}

	// A file outside the root has an absolute URI and no base.
	outRes, ok := byURI[fileURI(diags[2].Posn.File)]
	if !ok {
		t.Fatalf("no result with URI %s", fileURI(diags[2].Posn.File))
	}
	outside := outRes.Locations[0].PhysicalLocation.ArtifactLocation
	if outside.URI != fileURI(diags[2].Posn.File) || outside.URIBaseID != "" || !strings.HasPrefix(outside.URI, "file:///") {
		t.Errorf("outside the root: %+v, want URI %s and no base", outside, fileURI(diags[2].Posn.File))
	}
}

func TestWriteSARIFDeterministic(t *testing.T) {
	root, diags := sarifFixture(t)
	first := writeSARIF(t, diags, root)
	slices.Reverse(diags)
	if second := writeSARIF(t, diags, root); !bytes.Equal(first, second) {
		t.Errorf("output depends on the order of findings:\n%s\nthen\n%s", first, second)
	}
}

func TestWriteSARIFEmpty(t *testing.T) {
	out := writeSARIF(t, nil, t.TempDir())
	validate(t, out)
	if !bytes.Contains(out, []byte(`"results": []`)) {
		t.Errorf("a run without findings should have an empty results array:\n%s", out)
	}
}

func TestSARIFSchema(t *testing.T) {
	root, diags := sarifFixture(t)
	validate(t, writeSARIF(t, diags, root))

	// The control: the schema does reject an invalid log.
	bad := bytes.Replace(writeSARIF(t, diags, root), []byte(`"startLine": 4`), []byte(`"startLine": 0`), 1)
	if err := sariftest.Validate(bad); err == nil {
		t.Errorf("the schema accepts startLine 0")
	}
}

// validate checks log against the official SARIF 2.1.0 schema.
func validate(t *testing.T, log []byte) {
	t.Helper()
	if err := sariftest.Validate(log); err != nil {
		t.Errorf("log is not valid SARIF 2.1.0: %#v\n%s", err, log)
	}
}

func sameJSON(a, b any) bool { return toJSON(a) == toJSON(b) }

func toJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(data)
}
