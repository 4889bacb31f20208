package pooltest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
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

// Pool is what Find checks: a *dbleakrt.Pool or a *dbleakrt.DB.
type Pool interface {
	Held() []dbleakrt.Leak
	Report(dbleakrt.Leak)
	Nested() []dbleakrt.Nested
}

// LeakError is the error returned by [Find]. Its message lists every
// unreleased resource with its acquire stack, and, with [FailOnNested],
// every nested acquisition with both stacks.
type LeakError struct {
	// Leaks are the unreleased resources, oldest first.
	Leaks []dbleakrt.Leak
	// Nested are the nested acquisitions, with FailOnNested.
	Nested []dbleakrt.Nested
}

// Error implements error.
func (e *LeakError) Error() string {
	var b strings.Builder
	if len(e.Leaks) > 0 {
		fmt.Fprintf(&b, "found %d unreleased %s in pool:", len(e.Leaks), noun(e.Leaks))
		for _, l := range e.Leaks {
			b.WriteString("\n\n")
			b.WriteString(strings.TrimSuffix(l.String(), "\n"))
		}
	}
	if len(e.Nested) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "found %d nested %s in pool (a connection acquired while the same scope or goroutine held one):",
			len(e.Nested), pluralize("acquisition", len(e.Nested)))
		for _, n := range e.Nested {
			b.WriteString("\n\n")
			b.WriteString(strings.TrimSuffix(n.String(), "\n"))
		}
	}
	return b.String()
}

// noun names what leaks are: their kind when they share one.
func noun(leaks []dbleakrt.Leak) string {
	kind := leaks[0].Kind
	for _, l := range leaks[1:] {
		if l.Kind != kind {
			return "resources"
		}
	}
	if kind == dbleakrt.KindRows {
		return kind
	}
	return pluralize(kind, len(leaks))
}

func pluralize(s string, n int) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

// Find returns a *LeakError listing what is held in p that no option
// ignores, or nil when nothing is. While something is, it looks again, with
// a growing pause, until the MaxWait delay has passed. Each leak it returns
// is reported to the pool (see dbleakrt.Pool.Report), so that it reaches
// Config.OnLeak and is counted. With [FailOnNested], the nested
// acquisitions the pool noted fail it too.
func Find(p Pool, opts ...Option) error {
	if isNil(p) {
		return errors.New("pooltest: Find of a nil pool")
	}
	o := buildOptions(opts)
	deadline := time.Now().Add(o.maxWait)
	for pause := time.Millisecond; ; pause = min(2*pause, maxBackoff) {
		leaks := o.filter(p.Held())
		left := time.Until(deadline)
		if len(leaks) == 0 || left <= 0 {
			var nested []dbleakrt.Nested
			if o.failOnNested {
				nested = o.filterNested(p.Nested())
			}
			if len(leaks) == 0 && len(nested) == 0 {
				return nil
			}
			for _, l := range leaks {
				p.Report(l)
			}
			return &LeakError{Leaks: leaks, Nested: nested}
		}
		time.Sleep(min(pause, left))
	}
}

// isNil reports whether p is nil or a nil pointer.
func isNil(p Pool) bool {
	if p == nil {
		return true
	}
	v := reflect.ValueOf(p)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// filterNested drops the nested acquisitions whose second acquisition an
// option ignores.
func (o *options) filterNested(nested []dbleakrt.Nested) []dbleakrt.Nested {
	var kept []dbleakrt.Nested
	for _, n := range nested {
		if !o.ignored(n.Acquired) {
			kept = append(kept, n)
		}
	}
	return kept
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
// unreleased resources (or, with [FailOnNested], nested acquisitions) in p. It is meant to be deferred at the start of a
// test, after the pool is created:
//
//	defer pooltest.VerifyNone(t, pool)
func VerifyNone(t TestingT, p Pool, opts ...Option) {
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
// m.Run's code, or with code 1 when a pool has unreleased resources.
//
// pools is called after the tests ran, so it may return pools that the
// tests created lazily; nil pools are skipped. The pools are not closed.
func VerifyTestMain[P Pool](m TestingM, pools func() []P, opts ...Option) {
	code := m.Run()
	if code == 0 && pools != nil {
		for _, p := range pools() {
			if isNil(p) {
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
