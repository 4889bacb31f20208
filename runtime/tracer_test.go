package dbleakrt_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
	"github.com/dbleaklint/dbleaklint/runtime/pooltest"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// userTracer stands for an application's own tracer: it counts the calls of
// every tracer interface it implements.
type userTracer struct {
	queries, batches, connects, acquires, releases atomic.Int64
}

func (u *userTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	u.queries.Add(1)
	return ctx
}

func (u *userTracer) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func (u *userTracer) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	u.batches.Add(1)
	return ctx
}

func (u *userTracer) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {}

func (u *userTracer) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

func (u *userTracer) TraceConnectStart(ctx context.Context, _ pgx.TraceConnectStartData) context.Context {
	u.connects.Add(1)
	return ctx
}

func (u *userTracer) TraceConnectEnd(context.Context, pgx.TraceConnectEndData) {}

func (u *userTracer) TraceAcquireStart(ctx context.Context, _ *pgxpool.Pool, _ pgxpool.TraceAcquireStartData) context.Context {
	u.acquires.Add(1)
	return ctx
}

func (u *userTracer) TraceAcquireEnd(context.Context, *pgxpool.Pool, pgxpool.TraceAcquireEndData) {}

func (u *userTracer) TraceRelease(*pgxpool.Pool, pgxpool.TraceReleaseData) {
	u.releases.Add(1)
}

func TestUserTracerIsChained(t *testing.T) {
	ctx := context.Background()
	cfg, err := dbleakrt.ParseConfig(testdb.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	user := &userTracer{}
	cfg.ConnConfig.Tracer = user
	p, err := dbleakrt.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer testdb.Close(t, p)
	if cfg.ConnConfig.Tracer != user {
		t.Fatal("NewWithConfig modified the caller's config")
	}

	rows, err := p.Pgx().Query(ctx, "SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(p.Held()); n != 1 {
		t.Fatalf("tracker holds %d connections during the query, want 1", n)
	}
	rows.Close()
	br := p.Pgx().SendBatch(ctx, &pgx.Batch{QueuedQueries: []*pgx.QueuedQuery{{SQL: "SELECT 1"}}})
	if err := br.Close(); err != nil {
		t.Fatal(err)
	}
	requireNoneHeld(t, p)

	for name, n := range map[string]int64{
		"query": user.queries.Load(), "batch": user.batches.Load(), "connect": user.connects.Load(),
		"acquire": user.acquires.Load(), "release": user.releases.Load(),
	} {
		if n == 0 {
			t.Errorf("the user's %s tracer was never called", name)
		}
	}
}

func TestWrapNeedsAnInstrumentedPool(t *testing.T) {
	ctx := context.Background()
	plain, err := pgxpool.New(ctx, testdb.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if _, err := dbleakrt.Wrap(plain); !errors.Is(err, dbleakrt.ErrNotInstrumented) {
		t.Fatalf("Wrap of a plain pool: err = %v, want ErrNotInstrumented", err)
	}

	cfg, err := dbleakrt.ParseConfig(testdb.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	pc, err := dbleakrt.Instrument(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dbleakrt.Instrument(&dbleakrt.Config{Config: pc}); !errors.Is(err, dbleakrt.ErrAlreadyInstrumented) {
		t.Fatalf("Instrument twice: err = %v, want ErrAlreadyInstrumented", err)
	}
	raw, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		t.Fatal(err)
	}
	p, err := dbleakrt.Wrap(raw)
	if err != nil {
		t.Fatal(err)
	}
	defer testdb.Close(t, p)
	file, line := here()
	conn, err := raw.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var leakErr *pooltest.LeakError
	if err := pooltest.Find(p, pooltest.MaxWait(0)); !errors.As(err, &leakErr) {
		t.Fatalf("Find on a wrapped pool = %v, want the held connection", err)
	}
	if got, want := leakErr.Leaks[0].Site.Location(), location(file, line+1); got != want {
		t.Fatalf("site = %s, want %s", got, want)
	}
	conn.Release()
	requireNoneHeld(t, p)
}

func TestHijackStopsTracking(t *testing.T) {
	ctx := context.Background()
	p := testdb.Pool(t)
	c, err := p.Pgx().Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	conn := p.Hijack(c)
	defer conn.Close(ctx)
	requireNoneHeld(t, p)
}
