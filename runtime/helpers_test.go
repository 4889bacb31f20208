package dbleakrt_test

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"testing"
	"time"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/pooltest"
)

// here returns the file and line of its caller.
func here() (string, int) {
	_, file, line, _ := runtime.Caller(1)
	return file, line
}

// location formats a file and line as Frame.Location does.
func location(file string, line int) string {
	return fmt.Sprintf("%s:%d", file, line)
}

// requireNoneHeld fails the test unless the pool ends with no tracked
// connection and pgxpool counts none acquired.
func requireNoneHeld(t *testing.T, p *dbleakrt.Pool) {
	t.Helper()
	if err := pooltest.Find(p); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for p.Pgx().Stat().AcquiredConns() != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("pgxpool still counts %d acquired connections", p.Pgx().Stat().AcquiredConns())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// count returns the number of rows of table.
func count(t *testing.T, p *dbleakrt.Pool, table string) int {
	t.Helper()
	var n int
	if err := p.Pgx().QueryRow(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// syncBuffer is a bytes buffer that a logger and a test may share.
type syncBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

// requireNoneHeldSQL fails the test unless the database ends with nothing
// tracked and database/sql counts no connection in use.
func requireNoneHeldSQL(t *testing.T, d *dbleakrt.DB) {
	t.Helper()
	if err := pooltest.Find(d); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for d.SQL().Stats().InUse != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("database/sql still counts %d connections in use", d.SQL().Stats().InUse)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// discard returns a logger that drops everything.
func discard() *slog.Logger {
	return slog.New(slog.DiscardHandler)
}

// textLogger returns a text logger writing to b.
func textLogger(b *syncBuffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(b, nil))
}

// fakeT records what pooltest.VerifyNone reports instead of failing the
// test.
type fakeT struct {
	errs []string
}

func (f *fakeT) Error(args ...any) { f.errs = append(f.errs, fmt.Sprint(args...)) }
