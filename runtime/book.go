package dbleakrt

import (
	"context"
	"log/slog"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Kinds of tracked resources, as Leak.Kind names them.
const (
	KindConn  = "connection"
	KindTx    = "transaction"
	KindRows  = "rows"
	KindStmt  = "statement"
	maxNested = 64 // call sites of nested acquisitions remembered per book
)

// record is what a book knows about one held resource. Its plain fields are
// written once, before the record is published in the book, and only read
// afterwards.
type record struct {
	owner any // the *pgxpool.Pool or *sql.DB it came from
	kind  string
	at    time.Time
	pid   uint32
	scope *scope
	gid   uint64 // goroutine, when Config.TrackGoroutines and no scope
	pcs   []uintptr
	conn  *record // for database/sql: the checked-out connection it runs on

	// reported is set once the record was handed to OnLeak.
	reported atomic.Bool
	// warnedBy is the logger of the monitor that warned about the record.
	warnedBy atomic.Pointer[slog.Logger]
}

// holdsConn reports whether the record stands for a checked-out connection,
// the unit that a pool runs out of.
func (r *record) holdsConn() bool { return r.kind == KindConn }

// book keeps the records of one tracker: what is held, the leaks reported
// and the nested acquisitions seen. Both sides, pgxpool and database/sql,
// keep their bookkeeping in a book, so that a leak is one thing whatever
// found it.
type book struct {
	depth      int      // frames kept per acquisition; 0 turns stack capture off
	internal   []string // function-name prefixes of library frames, skipped in stacks
	onLeak     func(Leak)
	logger     *slog.Logger
	goroutines bool

	// leakCount counts the acquisitions reported as leaked.
	leakCount atomic.Int64

	mu     sync.Mutex
	held   map[any]*record
	nested []Nested
	sites  map[string]bool // call sites of nested acquisitions already warned about
}

func newBook(cfg *Config, internal ...string) *book {
	b := &book{
		onLeak: cfg.OnLeak, logger: cfg.Logger, goroutines: cfg.TrackGoroutines,
		internal: internal, held: make(map[any]*record), sites: make(map[string]bool),
	}
	if b.logger == nil {
		b.logger = slog.Default()
	}
	if cfg.CaptureStacks {
		b.depth = min(cfg.StackDepth, maxStackDepth)
		if b.depth <= 0 {
			b.depth = DefaultStackDepth
		}
	}
	return b
}

// newRecord makes a record of a resource acquired with ctx, capturing the
// stack of its caller's caller when stacks are on.
func (b *book) newRecord(ctx context.Context, owner any, kind string) *record {
	rec := &record{owner: owner, kind: kind, at: time.Now()}
	rec.scope, _ = ctx.Value(scopeKey{}).(*scope)
	if b.depth > 0 {
		rec.pcs = callers(2, b.depth)
	}
	if rec.scope == nil && b.goroutines {
		rec.gid = goroutineID()
	}
	return rec
}

// add publishes rec under key.
func (b *book) add(key any, rec *record) {
	b.mu.Lock()
	b.held[key] = rec
	b.mu.Unlock()
}

// checkNested notes a nested acquisition when rec, a connection being
// acquired, has the scope (or goroutine) of a connection of the same owner
// that is held already.
func (b *book) checkNested(rec *record) {
	if rec.scope == nil && rec.gid == 0 {
		return
	}
	var outer *record
	b.mu.Lock()
	for _, r := range b.held {
		if r != rec && r.owner == rec.owner && r.holdsConn() && r.scope == rec.scope && r.gid == rec.gid &&
			(outer == nil || r.at.Before(outer.at)) {
			outer = r
		}
	}
	b.mu.Unlock()
	if outer != nil {
		b.noteNested(outer, rec)
	}
}

// remove drops the record of key and returns it, or nil. A record that a
// monitor warned about is logged once more, as returned, so that logs do
// not overstate what is held.
func (b *book) remove(key any) *record {
	b.mu.Lock()
	rec := b.held[key]
	delete(b.held, key)
	b.mu.Unlock()
	if rec != nil {
		if logger := rec.warnedBy.Load(); logger != nil && logger != silent {
			l := b.leak(rec, time.Now())
			logger.LogAttrs(context.Background(), slog.LevelInfo,
				"dbleakrt: database resource held longer than the threshold was returned", leakAttrs(l)...)
		}
	}
	return rec
}

// records returns the records of owner's held resources for which keep
// returns true (all of them when keep is nil), oldest first.
func (b *book) records(owner any, keep func(*record) bool) []*record {
	b.mu.Lock()
	var out []*record
	for _, rec := range b.held {
		if rec.owner == owner && (keep == nil || keep(rec)) {
			out = append(out, rec)
		}
	}
	b.mu.Unlock()
	slices.SortFunc(out, func(a, b *record) int { return a.at.Compare(b.at) })
	return out
}

// leak turns a record into a Leak, symbolizing its stack.
func (b *book) leak(rec *record, now time.Time) Leak {
	l := Leak{Kind: rec.kind, AcquiredAt: rec.at, Held: now.Sub(rec.at), PID: rec.pid, rec: rec}
	if rec.scope != nil {
		l.Scope = rec.scope.label
	}
	if len(rec.pcs) > 0 {
		l.Frames = symbolize(rec.pcs, b.depth, b.isInternal)
	}
	if len(l.Frames) > 0 {
		l.Site = l.Frames[0]
	}
	return l
}

// leaks turns records into Leaks, measuring Held at one instant.
func (b *book) leaks(recs []*record) []Leak {
	if len(recs) == 0 {
		return nil
	}
	now := time.Now()
	out := make([]Leak, len(recs))
	for i, rec := range recs {
		out[i] = b.leak(rec, now)
	}
	return out
}

// report counts a leaked acquisition and hands it to Config.OnLeak, once per
// acquisition however many times and by whatever it is found. A
// database/sql connection checked out by the call that made the reported
// transaction or rows is the same acquisition: it is marked reported too.
func (b *book) report(l Leak) {
	if l.rec == nil || !l.rec.reported.CompareAndSwap(false, true) {
		return
	}
	if c := b.sameAcquisition(l.rec); c != nil {
		c.reported.Store(true)
	}
	b.leakCount.Add(1)
	if b.onLeak != nil {
		b.onLeak(l)
	}
}

// sameAcquisition returns the connection record that rec, a transaction or
// rows, was made with by the same call, or nil.
func (b *book) sameAcquisition(rec *record) *record {
	if rec.conn != nil && b.sameCaller(rec, rec.conn) {
		return rec.conn
	}
	return nil
}

// silent marks a record warned about through the record of the same
// acquisition: its return is not logged again.
var silent = slog.New(slog.DiscardHandler)

// warned marks rec warned about by logger, and the connection of the same
// acquisition as warned silently. It reports whether rec was not warned
// about before.
func (b *book) warned(rec *record, logger *slog.Logger) bool {
	if !rec.warnedBy.CompareAndSwap(nil, logger) {
		return false
	}
	if c := b.sameAcquisition(rec); c != nil {
		c.warnedBy.CompareAndSwap(nil, silent)
	}
	return true
}

// isInternal reports whether a frame belongs to this package or to one of
// the libraries the book skips.
func (b *book) isInternal(f runtime.Frame) bool {
	if isSelf(f) {
		return true
	}
	for _, p := range b.internal {
		if len(f.Function) >= len(p) && f.Function[:len(p)] == p {
			return true
		}
	}
	return false
}
