package dbleakrt

import (
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Stat is a snapshot of a pool's statistics: pgxpool's own, embedded, and
// the tracker's.
type Stat struct {
	*pgxpool.Stat

	taken       time.Time
	outstanding int
	oldest      time.Time
	leaks       int64
}

// Stat returns a snapshot of the pool's statistics.
func (p *Pool) Stat() *Stat {
	recs := p.tracker.records(p.pool, nil)
	s := &Stat{
		Stat:        p.pool.Stat(),
		taken:       time.Now(),
		outstanding: len(recs),
		leaks:       p.tracker.leakCount.Load(),
	}
	if len(recs) > 0 {
		s.oldest = recs[0].at
	}
	return s
}

// Outstanding returns the number of tracked connections that were checked
// out. It can be lower than AcquiredConns, which also counts connections
// that pgxpool holds for itself, such as those being health-checked.
func (s *Stat) Outstanding() int {
	return s.outstanding
}

// OldestAcquire returns when the longest-held connection was acquired, or
// the zero time when no connection was checked out.
func (s *Stat) OldestAcquire() time.Time {
	return s.oldest
}

// LongestHeld returns how long the longest-held connection had been held
// when the snapshot was taken, or zero.
func (s *Stat) LongestHeld() time.Duration {
	if s.oldest.IsZero() {
		return 0
	}
	return s.taken.Sub(s.oldest)
}

// LeakCount returns the number of acquisitions reported as leaked so far by
// the middleware and the monitor.
func (s *Stat) LeakCount() int64 {
	return s.leaks
}
