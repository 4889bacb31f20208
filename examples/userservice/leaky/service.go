// Package leaky is the data layer of the user service as the team first wrote
// it. It compiles, implements the same api.Store as package fixed and gives
// the right answers, but five of its functions do not release a database
// resource on every path: each one is marked with a "LEAK:" comment.
// Everything else in the package is correct code, so that every finding of
// dbleaklint here is a real leak.
package leaky

import (
	"database/sql"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/dbleaklint/dbleaklint/examples/userservice/api"
)

// Service serves users, accounts and orders. Users, accounts and transfers go
// through the native pgx API (pool); orders go through database/sql (db),
// which the reporting code was written against.
type Service struct {
	pool   *pgxpool.Pool
	db     *sql.DB
	totals *totalsCache
}

// Service is the store behind the HTTP API: api.Routes(New(pool, db)) serves
// it.
var _ api.Store = (*Service)(nil)

// New returns a Service over an open pool and database handle.
func New(pool *pgxpool.Pool, db *sql.DB) *Service {
	return &Service{pool: pool, db: db, totals: newTotalsCache(30 * time.Second)}
}

// totalsCache keeps the order total of each user for a short while: the
// dashboard asks for it on every page load.
type totalsCache struct {
	ttl time.Duration

	mu sync.Mutex
	m  map[int64]cachedTotal
}

type cachedTotal struct {
	cents   int64
	expires time.Time
}

func newTotalsCache(ttl time.Duration) *totalsCache {
	return &totalsCache{ttl: ttl, m: make(map[int64]cachedTotal)}
}

func (c *totalsCache) get(userID int64) (int64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.m[userID]
	if !ok || time.Now().After(t.expires) {
		return 0, false
	}
	return t.cents, true
}

func (c *totalsCache) put(userID, cents int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[userID] = cachedTotal{cents: cents, expires: time.Now().Add(c.ttl)}
}

func (c *totalsCache) forget(userID int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, userID)
}
