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
