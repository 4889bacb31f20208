// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// bin is the dbleaklint binary that TestMain builds once for every test.
var bin string

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "dbleaklint-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "TestMain:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin = filepath.Join(dir, "dbleaklint")
	// The runs share a result cache of their own, not the user's.
	os.Setenv("DBLEAKLINT_CACHE", filepath.Join(dir, "cache"))
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "TestMain: go build: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// repoRoot is the module root, two directories above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// result is the outcome of one run of a command.
type result struct {
	stdout, stderr string
	code           int
}

// run runs name with args in dir and returns its output and exit code.
// Only a failure to start (not a non-zero exit) fails the test.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
	default:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return result{stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()}
}

// A finding is one diagnostic as the text output prints it: the
// position and message, then each related position and message.
type finding struct {
	Posn    string // file:line:col, file relative to the repository root
	Message string
	Related []related
}

type related struct {
	Posn    string
	Message string
}

// want is a finding expected in examples/userservice/leaky; its message
// must start with Prefix (the rest is the fix, tested by the passes).
type want struct {
	Check   string // the analyzer that reports it
	Posn    string
	Prefix  string
	Related related
}

// leakyWant lists the five leaks of examples/userservice/README.md, and
// its Deposit route's acquisition made while holding.
var leakyWant = []want{
	{
		Check:   "connrelease",
		Posn:    "examples/userservice/leaky/users.go:17:15",
		Prefix:  "connection conn from s.pool.Acquire is not released on the path that returns at users.go:31;",
		Related: related{"examples/userservice/leaky/users.go:31:3", "connection leaks here"},
	},
	{
		Check:   "txend",
		Posn:    "examples/userservice/leaky/users.go:79:14",
		Prefix:  "transaction tx from s.pool.Begin is not committed or rolled back when the loop continues at users.go:94;",
		Related: related{"examples/userservice/leaky/users.go:94:4", "transaction leaks here"},
	},
	{
		Check:   "txend",
		Posn:    "examples/userservice/leaky/transfer.go:19:13",
		Prefix:  "transaction tx from s.pool.Begin is not committed or rolled back on the path that returns at transfer.go:39;",
		Related: related{"examples/userservice/leaky/transfer.go:39:3", "transaction leaks here"},
	},
	{
		Check:   "rowsclose",
		Posn:    "examples/userservice/leaky/orders.go:16:15",
		Prefix:  "rows from s.db.QueryContext is not closed on the path that returns at orders.go:31;",
		Related: related{"examples/userservice/leaky/orders.go:31:4", "rows leaks here"},
	},
	{
		Check:   "rowscan",
		Posn:    "examples/userservice/leaky/orders.go:45:9",
		Prefix:  "row from s.db.QueryRowContext is not scanned on the path that returns at orders.go:54;",
		Related: related{"examples/userservice/leaky/orders.go:54:3", "row leaks here"},
	},
	{
		Check:   "nestedacquire",
		Posn:    "examples/userservice/leaky/deposit.go:37:12",
		Prefix:  "s.GetUser takes a second connection from the pool while transaction tx from s.pool.Begin (deposit.go:16) holds one:",
		Related: related{"examples/userservice/leaky/deposit.go:16:13", "held from here"},
	},
}

// diagLine matches a line of the text output: "file:line:col: message".
var diagLine = regexp.MustCompile(`^(\S+\.go:\d+:\d+): (.*)$`)

// parseText parses the diagnostics of the text output. A line whose
// message starts with a tab is related information of the diagnostic
// before it. File names are made relative to root; lines that are not
// diagnostics (go vet's "# package" headers, source context) are
// skipped.
func parseText(t *testing.T, root, out string) []finding {
	t.Helper()
	var findings []finding
	for line := range strings.Lines(out) {
		m := diagLine.FindStringSubmatch(strings.TrimRight(line, "\n"))
		if m == nil {
			continue
		}
		posn := relPosn(t, root, m[1])
		if msg, ok := strings.CutPrefix(m[2], "\t"); ok {
			if len(findings) == 0 {
				t.Fatalf("related information before any diagnostic: %q", line)
			}
			f := &findings[len(findings)-1]
			f.Related = append(f.Related, related{posn, msg})
			continue
		}
		findings = append(findings, finding{Posn: posn, Message: m[2]})
	}
	return findings
}

// relPosn makes the file of a file:line:col position relative to root
// and slash-separated.
func relPosn(t *testing.T, root, posn string) string {
	t.Helper()
	// file:line:col; the file may hold colons only on Windows drives.
	i := strings.LastIndex(posn, ":")
	j := strings.LastIndex(posn[:i], ":")
	file := posn[:j]
	if filepath.IsAbs(file) {
		rel, err := filepath.Rel(root, file)
		if err != nil {
			t.Fatal(err)
		}
		file = rel
	}
	return filepath.ToSlash(file) + posn[j:]
}

// checkFindings checks that got is exactly the findings of wants, in
// any order, each with its single related "leaks here" line.
func checkFindings(t *testing.T, got []finding, wants []want) {
	t.Helper()
	byPosn := make(map[string][]finding)
	for _, f := range got {
		byPosn[f.Posn] = append(byPosn[f.Posn], f)
	}
	for _, w := range wants {
		fs := byPosn[w.Posn]
		delete(byPosn, w.Posn)
		if len(fs) != 1 {
			t.Errorf("%s: got %d findings, want 1 starting %q: %+v", w.Posn, len(fs), w.Prefix, fs)
			continue
		}
		f := fs[0]
		if !strings.HasPrefix(f.Message, w.Prefix) {
			t.Errorf("%s: message %q, want prefix %q", w.Posn, f.Message, w.Prefix)
		}
		if len(f.Related) != 1 || f.Related[0] != w.Related {
			t.Errorf("%s: related %+v, want [%+v]", w.Posn, f.Related, w.Related)
		}
	}
	for posn, fs := range byPosn {
		for _, f := range fs {
			t.Errorf("unexpected finding at %s: %s", posn, f.Message)
		}
	}
}

// wantsOf returns the expected findings of the named checks.
func wantsOf(checks ...string) []want {
	var out []want
	for _, w := range leakyWant {
		if slices.Contains(checks, w.Check) {
			out = append(out, w)
		}
	}
	return out
}

// TestStandalone runs dbleaklint on the example service: the five leaks
// of leaky/ and nothing in fixed/ or cmd/, exit status 3.
func TestStandalone(t *testing.T) {
	root := repoRoot(t)
	r := run(t, ".", bin, "../../examples/userservice/...")
	if r.code != 3 {
		t.Fatalf("exit status %d, want 3\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	got := parseText(t, root, r.stderr)
	checkFindings(t, got, leakyWant)
	for _, f := range got {
		if !strings.HasPrefix(f.Posn, "examples/userservice/leaky/") {
			t.Errorf("finding outside leaky/: %s: %s", f.Posn, f.Message)
		}
	}
	if strings.TrimSpace(r.stdout) != "" {
		t.Errorf("unexpected stdout:\n%s", r.stdout)
	}
	if t.Failed() {
		t.Logf("stderr:\n%s", r.stderr)
	}
}

// TestGoVet runs dbleaklint as a vet tool: go vet prints the same
// findings on stderr, with paths relative to the working directory, and
// exits 1.
func TestGoVet(t *testing.T) {
	root := repoRoot(t)
	r := run(t, root, "go", "vet", "-vettool="+bin, "./examples/userservice/...")
	if r.code != 1 {
		t.Fatalf("go vet exit status %d, want 1\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	checkFindings(t, parseText(t, root, r.stderr), leakyWant)
	if got := parseText(t, root, r.stdout); len(got) > 0 {
		t.Errorf("findings on stdout, want them on stderr: %+v", got)
	}
	if t.Failed() {
		t.Logf("stderr:\n%s", r.stderr)
	}
}

// jsonDiag is a diagnostic of the -json output.
type jsonDiag struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Related  []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
}

// TestJSON checks that -json carries each finding with its leaking exit
// as related information.
func TestJSON(t *testing.T) {
	root := repoRoot(t)
	r := run(t, ".", bin, "-json", "../../examples/userservice/...")
	// In JSON mode the checker reports findings in the JSON, not in
	// its exit status.
	if r.code != 0 {
		t.Fatalf("exit status %d, want 0\nstderr:\n%s", r.code, r.stderr)
	}
	// package ID -> analyzer -> diagnostics, or {"error": ...}.
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("decoding -json output: %v\n%s", err, r.stdout)
	}
	const leaky = "github.com/dbleaklint/dbleaklint/examples/userservice/leaky"
	if _, ok := tree[leaky]; !ok {
		t.Fatalf("no entry for %s in the JSON output; packages: %v", leaky, slices.Sorted(maps.Keys(tree)))
	}
	for _, id := range slices.Sorted(maps.Keys(tree)) {
		analyzers := tree[id]
		// The package, and its test variant ("leaky [leaky.test]")
		// if it ever has tests, hold the findings of leaky; nothing
		// else has any.
		inLeaky := id == leaky || strings.HasPrefix(id, leaky+" ")
		var got []finding
		for name, raw := range analyzers {
			var diags []jsonDiag
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Errorf("%s: %s: not a list of diagnostics (an analysis error?): %s", id, name, raw)
				continue
			}
			for _, d := range diags {
				if d.Category != name {
					t.Errorf("%s: %s: diagnostic of category %q", id, name, d.Category)
				}
				f := finding{Posn: relPosn(t, root, d.Posn), Message: d.Message}
				for _, rel := range d.Related {
					f.Related = append(f.Related, related{relPosn(t, root, rel.Posn), rel.Message})
				}
				got = append(got, f)
				if !inLeaky {
					continue
				}
				// Each finding is reported by the check it belongs to.
				i := slices.IndexFunc(leakyWant, func(w want) bool { return w.Posn == f.Posn })
				if i >= 0 && leakyWant[i].Check != name {
					t.Errorf("%s: %s reported by %s, want %s", id, f.Posn, name, leakyWant[i].Check)
				}
			}
		}
		if inLeaky {
			t.Run(id, func(t *testing.T) { checkFindings(t, got, leakyWant) })
		} else if len(got) > 0 {
			t.Errorf("%s: unexpected findings: %+v", id, got)
		}
	}
}

// TestContext checks that -c=1 prints the offending source line under
// each finding.
func TestContext(t *testing.T) {
	root := repoRoot(t)
	r := run(t, ".", bin, "-c=1", "../../examples/userservice/...")
	if r.code != 3 {
		t.Fatalf("exit status %d, want 3\nstderr:\n%s", r.code, r.stderr)
	}
	checkFindings(t, parseText(t, root, r.stderr), leakyWant)
	src, err := os.ReadFile(filepath.Join(root, "examples", "userservice", "leaky", "users.go"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	for _, line := range []int{17, 31} { // the Acquire and the leaking return
		text := lines[line-1]
		if !strings.Contains(text, "s.pool.Acquire") && !strings.Contains(text, "return") {
			t.Fatalf("users.go:%d is %q: the example moved, update the test", line, text)
		}
		if want := fmt.Sprintf("%d\t%s\n", line, text); !strings.Contains(r.stderr, want) {
			t.Errorf("-c=1 output lacks source line %q\nstderr:\n%s", want, r.stderr)
		}
	}
}

// TestSingleCheck checks that a check's flag runs that check only.
func TestSingleCheck(t *testing.T) {
	root := repoRoot(t)
	r := run(t, ".", bin, "-txend", "../../examples/userservice/...")
	if r.code != 3 {
		t.Fatalf("exit status %d, want 3\nstderr:\n%s", r.code, r.stderr)
	}
	checkFindings(t, parseText(t, root, r.stderr), wantsOf("txend"))
	if t.Failed() {
		t.Logf("stderr:\n%s", r.stderr)
	}
}

// TestTypeError checks that a package that does not type-check gives a
// plain error naming the file and line, not a crash.
func TestTypeError(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/broken\n\ngo 1.25\n")
	// It imports database/sql, so the engine would analyze it if it
	// type-checked; line 11 holds the type error.
	write("broken.go", `package broken

import (
	"context"
	"database/sql"
)

func Count(ctx context.Context, db *sql.DB) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM users").Scan(&n)
	return "n", err
}
`)
	r := run(t, dir, bin, "./...")
	all := r.stdout + r.stderr
	if r.code == 0 || r.code == 3 {
		t.Errorf("exit status %d, want an error status (not 0, not 3 for findings)", r.code)
	}
	typeErr := regexp.MustCompile(`(?m)^(\S*[/\\])?broken\.go:11:9: cannot use "n" \(untyped string constant\) as int value in return statement$`)
	if !typeErr.MatchString(r.stderr) {
		t.Errorf("stderr does not name broken.go:11:9 and the type error on one line")
	}
	for _, crash := range []string{"panic:", "goroutine ", "runtime error", "internal error"} {
		if strings.Contains(all, crash) {
			t.Errorf("output contains %q", crash)
		}
	}
	if t.Failed() {
		t.Logf("exit status %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

// TestHelp checks that "dbleaklint help rowsclose" prints the check's
// documentation, from the "# Analyzer rowsclose" section of its doc.go.
func TestHelp(t *testing.T) {
	r := run(t, ".", bin, "help", "rowsclose")
	if r.code != 0 {
		t.Fatalf("exit status %d, want 0\nstderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"rowsclose: report query rows that are not closed on every path",
		"The rowsclose analyzer reports pgx.Rows and *sql.Rows",
		"With database/sql a failed Scan does not close the rows.",
		"-rowsclose.debug",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("help rowsclose lacks %q\nstdout:\n%s", want, r.stdout)
		}
	}
	// The section heading and the package comment are not part of it,
	// nor the documentation of another check.
	for _, bad := range []string{"# Analyzer", "Package rowsclose", "txend:"} {
		if strings.Contains(r.stdout, bad) {
			t.Errorf("help rowsclose contains %q\nstdout:\n%s", bad, r.stdout)
		}
	}
}
