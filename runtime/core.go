package dbleakrt

import (
	"log/slog"
)

// core is what [Pool] and [DB] share: the book of their tracker, the owner
// whose records are theirs, and how to describe their statistics. Its
// exported methods are the two types' common API.
type core struct {
	book  *book
	owner any
	// stats describes the pool's statistics for the monitor.
	stats func() []slog.Attr
	// usage returns the number of connections in use and the number the
	// pool may hold at once (0 when it is unbounded).
	usage func() (inUse, max int)
}

// Held returns what is checked out right now, oldest first: for a [Pool]
// its connections; for a [DB] its transactions, rows and statements and the
// connections held outside them (by a *sql.Conn).
func (c *core) Held() []Leak {
	return c.book.leaks(c.heldRecords(nil))
}

// heldRecords returns the owner's records that keep passes (all when keep
// is nil), leaving out a database/sql connection record when a transaction
// or rows made by the same call hold it: one acquisition is reported once.
func (c *core) heldRecords(keep func(*record) bool) []*record {
	recs := c.book.records(c.owner, nil)
	explained := make(map[*record]bool)
	for _, r := range recs {
		if conn := c.book.sameAcquisition(r); conn != nil {
			explained[conn] = true
		}
	}
	out := recs[:0]
	for _, r := range recs {
		if !explained[r] && (keep == nil || keep(r)) {
			out = append(out, r)
		}
	}
	return out
}

// Report counts l as leaked in [Stat.LeakCount] and hands it to
// [Config.OnLeak], once per acquisition however many times, and by whatever,
// it is reported. The middleware, the scopes, the monitor and package
// pooltest report through it; an application that finds leaks of its own
// can too. A Leak that did not come from this package is ignored.
func (c *core) Report(l Leak) {
	c.book.report(l)
}

// Nested returns the acquisitions noted so far that were made while the
// same scope, or goroutine, already held a connection of the pool: one per
// pair of call sites, in the order they were first seen. Each was logged as
// a warning when first seen.
func (c *core) Nested() []Nested {
	return c.book.nestedSeen(c.owner)
}
