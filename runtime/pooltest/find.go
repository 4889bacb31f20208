package pooltest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
)

// maxBackoff caps the pause between two looks at the pool.
const maxBackoff = 100 * time.Millisecond

// TestingT is the part of [testing.T] that VerifyNone uses. When the value
// also has a Helper method, as *testing.T does, VerifyNone calls it.
type TestingT interface {
	Error(args ...any)
}

// TestingM is the part of [testing.M] that VerifyTestMain uses.
type TestingM interface {
	Run() int
}

// LeakError is the error returned by [Find]. Its message lists every
// unreleased connection with its acquire stack.
type LeakError struct {
	// Leaks are the unreleased connections, oldest first.
	Leaks []dbleakrt.Leak
}

// Error implements error.
func (e *LeakError) Error() string {
	noun := "connections"
	if len(e.Leaks) == 1 {
		noun = "connection"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "found %d unreleased %s in pool:", len(e.Leaks), noun)
	for _, l := range e.Leaks {
		b.WriteString("\n\n")
		b.WriteString(strings.TrimSuffix(l.String(), "\n"))
	}
	return b.String()
}

// Find returns a *LeakError listing the connections checked out of p that no
// option ignores, or nil when there are none. While there are some, it looks
// again, with a growing pause, until the MaxWait delay has passed.
func Find(p *dbleakrt.Pool, opts ...Option) error {
	if p == nil {
		return errors.New("pooltest: Find of a nil pool")
	}
	o := buildOptions(opts)
	deadline := time.Now().Add(o.maxWait)
	for pause := time.Millisecond; ; pause = min(2*pause, maxBackoff) {
		leaks := o.filter(p.Held())
		if len(leaks) == 0 {
			return nil
		}
		left := time.Until(deadline)
		if left <= 0 {
			return &LeakError{Leaks: leaks}
		}
		time.Sleep(min(pause, left))
	}
}

// filter drops the connections that an option ignores.
func (o *options) filter(leaks []dbleakrt.Leak) []dbleakrt.Leak {
	kept := leaks[:0]
	for _, l := range leaks {
		if !o.ignored(l) {
			kept = append(kept, l)
		}
	}
	return kept
}

// VerifyNone marks the test as failed, with t.Error, when [Find] reports
// unreleased connections in p. It is meant to be deferred at the start of a
// test, after the pool is created:
//
//	defer pooltest.VerifyNone(t, pool)
func VerifyNone(t TestingT, p *dbleakrt.Pool, opts ...Option) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if err := Find(p, opts...); err != nil {
		t.Error(err)
	}
}

// These are variables so that tests can replace them.
var (
	exit             = os.Exit
	stderr io.Writer = os.Stderr
)

// VerifyTestMain runs the tests of a package with m.Run and, if they pass,
// checks each pool returned by pools with [Find]. It exits the process with
// m.Run's code, or with code 1 when a pool has unreleased connections.
//
// pools is called after the tests ran, so it may return pools that the
// tests created lazily; nil pools are skipped. The pools are not closed.
func VerifyTestMain(m TestingM, pools func() []*dbleakrt.Pool, opts ...Option) {
	code := m.Run()
	if code == 0 && pools != nil {
		for _, p := range pools() {
			if p == nil {
				continue
			}
			if err := Find(p, opts...); err != nil {
				fmt.Fprintf(stderr, "pooltest: errors on successful test run: %v\n", err)
				code = 1
			}
		}
	}
	exit(code)
}
