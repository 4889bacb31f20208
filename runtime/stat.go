package dbleakrt

import (
	"database/sql"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Tracked is the tracker's part of a statistics snapshot, the same for a
// [Pool] and a [DB].
type Tracked struct {
	taken       time.Time
	outstanding int
	oldest      time.Time
	leaks       int64
}

func (c *core) tracked() Tracked {
	recs := c.heldRecords(nil)
	s := Tracked{taken: time.Now(), outstanding: len(recs), leaks: c.book.leakCount.Load()}
	if len(recs) > 0 {
		s.oldest = recs[0].at
	}
	return s
}

// Outstanding returns the number of tracked resources that were held: for
// a Pool, the connections checked out (which can be fewer than
// AcquiredConns, which also counts those pgxpool holds for itself, such as
// those being health-checked); for a DB, the transactions, rows and
// statements open and the connections held outside them.
func (s Tracked) Outstanding() int {
	return s.outstanding
}

// OldestAcquire returns when the longest-held resource was acquired, or
// the zero time when none was held.
func (s Tracked) OldestAcquire() time.Time {
	return s.oldest
}

// LongestHeld returns how long the longest-held resource had been held
// when the snapshot was taken, or zero.
func (s Tracked) LongestHeld() time.Duration {
	if s.oldest.IsZero() {
		return 0
	}
	return s.taken.Sub(s.oldest)
}

// LeakCount returns the number of acquisitions reported as leaked so far,
// by the middleware, the scopes, the monitor, package pooltest or
// [Pool.Report].
func (s Tracked) LeakCount() int64 {
	return s.leaks
}

func (s Tracked) attrs() []slog.Attr {
	return []slog.Attr{
		slog.Int("outstanding", s.Outstanding()),
		slog.Duration("longest_held", s.LongestHeld()),
		slog.Int64("leak_count", s.LeakCount()),
	}
}

// Stat is a snapshot of a [Pool]'s statistics: pgxpool's own, embedded, and
// the tracker's.
type Stat struct {
	*pgxpool.Stat
	Tracked
}

// Stat returns a snapshot of the pool's statistics.
func (p *Pool) Stat() *Stat {
	return &Stat{Stat: p.pool.Stat(), Tracked: p.tracked()}
}

// attrs describes a Stat for log/slog.
func (s *Stat) attrs() []slog.Attr {
	return append([]slog.Attr{
		slog.Int("total_conns", int(s.TotalConns())),
		slog.Int("acquired_conns", int(s.AcquiredConns())),
		slog.Int("idle_conns", int(s.IdleConns())),
		slog.Int("max_conns", int(s.MaxConns())),
		slog.Int64("acquire_count", s.AcquireCount()),
		slog.Int64("empty_acquire_count", s.EmptyAcquireCount()),
		slog.Int64("canceled_acquire_count", s.CanceledAcquireCount()),
	}, s.Tracked.attrs()...)
}

// DBStat is a snapshot of a [DB]'s statistics: database/sql's own,
// embedded, and the tracker's.
type DBStat struct {
	sql.DBStats
	Tracked
}

// Stat returns a snapshot of the database's statistics.
func (d *DB) Stat() *DBStat {
	return &DBStat{DBStats: d.db.Stats(), Tracked: d.tracked()}
}

// attrs describes a DBStat for log/slog.
func (s *DBStat) attrs() []slog.Attr {
	return append([]slog.Attr{
		slog.Int("open_conns", s.OpenConnections),
		slog.Int("in_use", s.InUse),
		slog.Int("idle", s.Idle),
		slog.Int("max_open_conns", s.MaxOpenConnections),
		slog.Int64("wait_count", s.WaitCount),
		slog.Duration("wait_duration", s.WaitDuration),
	}, s.Tracked.attrs()...)
}
