package dbleakrt_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
)

func TestMonitorWarnsAboutLongHeldConnections(t *testing.T) {
	ctx := context.Background()
	p := testdb.Pool(t)
	file, line := here()
	conn, err := p.Pgx().Acquire(ctx) // held too long on purpose
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	site := location(file, line+1)

	logs := &syncBuffer{}
	mctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.Monitor(mctx, dbleakrt.MonitorOptions{
			Interval:      20 * time.Millisecond,
			HoldThreshold: 100 * time.Millisecond,
			Logger:        slog.New(slog.NewTextHandler(logs, nil)),
		})
	}()
	waitFor(t, func() bool { return strings.Count(logs.String(), "pool stats") >= 10 })
	cancel()
	<-done

	out := logs.String()
	if !strings.Contains(out, "outstanding=1") || !strings.Contains(out, "acquired_conns=1") {
		t.Fatalf("stats do not show the held connection:\n%s", out)
	}
	warnings := strings.Count(out, "level=WARN")
	if warnings != 1 {
		t.Fatalf("got %d warnings, want exactly one per acquisition:\n%s", warnings, out)
	}
	for _, want := range []string{"site=" + site, "func=github.com/dbleaklint/dbleaklint/runtime_test." + t.Name(), "stack=", "threshold=100ms"} {
		if !strings.Contains(out, want) {
			t.Fatalf("warning lacks %q:\n%s", want, out)
		}
	}
	if n := p.Stat().LeakCount(); n != 1 {
		t.Fatalf("LeakCount = %d, want 1", n)
	}
}

// waitFor polls cond for up to ten seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 10s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestDBMonitorWarnsThenLogsTheReturn holds a transaction past the
// threshold, checks the monitor's warning and database/sql's statistics,
// then commits and checks that the return is logged once, as such.
func TestDBMonitorWarnsThenLogsTheReturn(t *testing.T) {
	forEachDriver(t, func(t *testing.T, d *dbleakrt.DB) {
		ctx := context.Background()
		file, line := here()
		tx, err := d.SQL().BeginTx(ctx, nil) // held too long on purpose
		if err != nil {
			t.Fatal(err)
		}
		logs := &syncBuffer{}
		mctx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() {
			defer close(done)
			d.Monitor(mctx, dbleakrt.MonitorOptions{
				Interval: 20 * time.Millisecond, HoldThreshold: 100 * time.Millisecond, Logger: textLogger(logs),
			})
		}()
		waitFor(t, func() bool { return strings.Contains(logs.String(), "level=WARN") })
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		waitFor(t, func() bool { return strings.Count(logs.String(), "pool stats") >= 10 })
		cancel()
		<-done
		out := logs.String()
		site := "site=" + location(file, line+1)
		for _, want := range []string{"in_use=1", "max_open_conns=", "kind=transaction", site, "threshold=100ms"} {
			if !strings.Contains(out, want) {
				t.Fatalf("log lacks %q:\n%s", want, out)
			}
		}
		if strings.Count(out, "level=WARN") != 1 || strings.Count(out, "was returned") != 1 {
			t.Fatalf("want one warning and one return:\n%s", out)
		}
		if i := strings.Index(out, "was returned"); !strings.Contains(out[i:], site) {
			t.Fatalf("the return does not name the site:\n%s", out)
		}
		if n := d.Stat().LeakCount(); n != 1 {
			t.Fatalf("LeakCount = %d, want 1", n)
		}
	})
}
