package pooltest

import (
	"bytes"
	"context"
	"strings"
	"testing"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
	"github.com/jackc/pgx/v5/pgxpool"
)

// fakeM stands for testing.M: Run calls run and returns code.
type fakeM struct {
	code int
	run  func()
}

func (m fakeM) Run() int {
	m.run()
	return m.code
}

// verifyTestMain runs VerifyTestMain with a fake exit and stderr and returns
// the exit code and what was written.
func verifyTestMain(t *testing.T, m fakeM, p *dbleakrt.Pool) (int, string) {
	var out bytes.Buffer
	code := -1
	oldExit, oldStderr := exit, stderr
	exit, stderr = func(c int) { code = c }, &out
	defer func() { exit, stderr = oldExit, oldStderr }()
	VerifyTestMain(m, func() []*dbleakrt.Pool { return []*dbleakrt.Pool{p, nil} }, MaxWait(0))
	return code, out.String()
}

func TestVerifyTestMain(t *testing.T) {
	p := testdb.Pool(t)
	var held *pgxpool.Conn
	leak := func() {
		var err error
		if held, err = p.Pgx().Acquire(context.Background()); err != nil {
			t.Fatal(err)
		}
	}

	if code, out := verifyTestMain(t, fakeM{code: 0, run: func() {}}, p); code != 0 || out != "" {
		t.Fatalf("clean run: exit %d, output %q", code, out)
	}
	code, out := verifyTestMain(t, fakeM{code: 0, run: leak}, p)
	if code != 1 || !strings.HasPrefix(out, "pooltest: errors on successful test run: found 1 unreleased connection in pool:") {
		t.Fatalf("leaking run: exit %d, output %q", code, out)
	}
	if code, out := verifyTestMain(t, fakeM{code: 2, run: func() {}}, p); code != 2 || out != "" {
		t.Fatalf("failing run: exit %d, output %q", code, out)
	}
	held.Release()
}
