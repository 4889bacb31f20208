package dbleakrt

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/multitracer"
	"github.com/jackc/pgx/v5/pgxpool"
)

// record is what the tracker knows about one checked-out connection. Its
// plain fields are written once, before the record is published in the
// tracker's map, and only read afterwards.
type record struct {
	pool  *pgxpool.Pool
	at    time.Time
	pid   uint32
	scope *scope
	pcs   []uintptr

	// reported is set once the record was handed to OnLeak.
	reported atomic.Bool
	// warned is set once the monitor warned about the record.
	warned atomic.Bool
}

// tracker implements [pgxpool.AcquireTracer] and [pgxpool.ReleaseTracer]
// and keeps one record per checked-out connection.
//
// pgxpool calls TraceAcquireEnd after a connection was taken from the pool
// and TraceRelease at the beginning of [pgxpool.Conn.Release], before the
// connection can be handed to anyone else, so the map is exact even though
// pgxpool may finish a release in the background.
type tracker struct {
	depth  int // frames kept per acquisition; 0 turns stack capture off
	onLeak func(Leak)

	// leakCount counts the acquisitions reported as leaked.
	leakCount atomic.Int64

	mu   sync.Mutex
	held map[*pgx.Conn]*record
}

func newTracker(cfg *Config) *tracker {
	t := &tracker{onLeak: cfg.OnLeak, held: make(map[*pgx.Conn]*record)}
	if cfg.CaptureStacks {
		t.depth = min(cfg.StackDepth, maxStackDepth)
		if t.depth <= 0 {
			t.depth = DefaultStackDepth
		}
	}
	return t
}

// TraceAcquireStart implements [pgxpool.AcquireTracer]. The request scope,
// if any, travels in ctx to TraceAcquireEnd, so there is nothing to do.
func (t *tracker) TraceAcquireStart(ctx context.Context, _ *pgxpool.Pool, _ pgxpool.TraceAcquireStartData) context.Context {
	return ctx
}

// TraceAcquireEnd implements [pgxpool.AcquireTracer]. It records a
// successful acquisition, with the caller's stack when stacks are captured.
func (t *tracker) TraceAcquireEnd(ctx context.Context, pool *pgxpool.Pool, data pgxpool.TraceAcquireEndData) {
	if data.Err != nil || data.Conn == nil {
		return
	}
	rec := &record{pool: pool, at: time.Now(), pid: data.Conn.PgConn().PID()}
	rec.scope, _ = ctx.Value(scopeKey{}).(*scope)
	if t.depth > 0 {
		rec.pcs = callers(1, t.depth)
	}
	t.mu.Lock()
	t.held[data.Conn] = rec
	t.mu.Unlock()
}

// TraceRelease implements [pgxpool.ReleaseTracer].
func (t *tracker) TraceRelease(_ *pgxpool.Pool, data pgxpool.TraceReleaseData) {
	t.forget(data.Conn)
}

// forget drops the record of conn, if any.
func (t *tracker) forget(conn *pgx.Conn) {
	t.mu.Lock()
	delete(t.held, conn)
	t.mu.Unlock()
}

// records returns the records of pool's checked-out connections for which
// keep returns true (all of them when keep is nil), oldest first.
func (t *tracker) records(pool *pgxpool.Pool, keep func(*record) bool) []*record {
	t.mu.Lock()
	var out []*record
	for _, rec := range t.held {
		if rec.pool == pool && (keep == nil || keep(rec)) {
			out = append(out, rec)
		}
	}
	t.mu.Unlock()
	sortRecords(out)
	return out
}

// leak turns a record into a Leak, symbolizing its stack.
func (t *tracker) leak(rec *record, now time.Time) Leak {
	l := Leak{AcquiredAt: rec.at, Held: now.Sub(rec.at), PID: rec.pid}
	if rec.scope != nil {
		l.Scope = rec.scope.label
	}
	if len(rec.pcs) > 0 {
		l.Frames = symbolize(rec.pcs, t.depth)
	}
	if len(l.Frames) > 0 {
		l.Site = l.Frames[0]
	}
	return l
}

// chain returns a tracer that calls t and every tracer interface that user
// implements. user may be nil.
func chain(t *tracker, user pgx.QueryTracer) pgx.QueryTracer {
	mt := &multitracer.Tracer{}
	if user != nil {
		mt = multitracer.New(user)
	}
	mt.PoolAcquireTracers = append([]pgxpool.AcquireTracer{t}, mt.PoolAcquireTracers...)
	mt.PoolReleaseTracers = append([]pgxpool.ReleaseTracer{t}, mt.PoolReleaseTracers...)
	return mt
}

// trackerOf returns the tracker installed by chain in a tracer, or nil.
func trackerOf(tr pgx.QueryTracer) *tracker {
	mt, ok := tr.(*multitracer.Tracer)
	if !ok {
		return nil
	}
	for _, a := range mt.PoolAcquireTracers {
		if t, ok := a.(*tracker); ok {
			return t
		}
	}
	return nil
}

// sortRecords sorts records oldest first.
func sortRecords(recs []*record) {
	slices.SortFunc(recs, func(a, b *record) int { return a.at.Compare(b.at) })
}
