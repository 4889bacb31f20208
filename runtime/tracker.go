package dbleakrt

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/multitracer"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pgxInternal are the function-name prefixes of pgx's and puddle's frames.
var pgxInternal = []string{"github.com/jackc/"}

// tracker implements [pgxpool.AcquireTracer] and [pgxpool.ReleaseTracer]
// and keeps one record per checked-out connection, keyed by its *pgx.Conn.
//
// pgxpool calls TraceAcquireEnd after a connection was taken from the pool
// and TraceRelease at the beginning of [pgxpool.Conn.Release], before the
// connection can be handed to anyone else, so the book is exact even though
// pgxpool may finish a release in the background.
type tracker struct {
	*book
}

func newTracker(cfg *Config) *tracker {
	return &tracker{book: newBook(cfg, pgxInternal...)}
}

// pendingKey is the context key under which TraceAcquireStart hands its
// record to TraceAcquireEnd.
type pendingKey struct{}

// TraceAcquireStart implements [pgxpool.AcquireTracer]. It makes the
// acquisition's record, with the caller's stack when stacks are captured,
// and checks it for a nested acquisition before it waits: the nested
// acquisitions that matter most are those that then wait for a pool that
// never frees a connection.
func (t *tracker) TraceAcquireStart(ctx context.Context, pool *pgxpool.Pool, _ pgxpool.TraceAcquireStartData) context.Context {
	rec := t.newRecord(ctx, pool, KindConn)
	t.checkNested(rec)
	return context.WithValue(ctx, pendingKey{}, rec)
}

// TraceAcquireEnd implements [pgxpool.AcquireTracer]. It records a
// successful acquisition.
func (t *tracker) TraceAcquireEnd(ctx context.Context, pool *pgxpool.Pool, data pgxpool.TraceAcquireEndData) {
	if data.Err != nil || data.Conn == nil {
		return
	}
	rec, ok := ctx.Value(pendingKey{}).(*record)
	if !ok || rec.owner != pool {
		rec = t.newRecord(ctx, pool, KindConn)
	}
	rec.at = time.Now()
	rec.pid = data.Conn.PgConn().PID()
	t.add(data.Conn, rec)
}

// TraceRelease implements [pgxpool.ReleaseTracer].
func (t *tracker) TraceRelease(_ *pgxpool.Pool, data pgxpool.TraceReleaseData) {
	t.remove(data.Conn)
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
