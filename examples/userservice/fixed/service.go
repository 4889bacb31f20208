// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package fixed is the data layer of package leaky with its leaks fixed.
//
// The pgx side is built on dbleaklint's runtime package: every connection
// comes from (*dbleakrt.Pool).WithConn and every transaction from
// (*dbleakrt.Pool).WithTx, which release, commit and roll back in one
// place, so no early return, error branch or continue can leak; the
// package never touches the raw *pgxpool.Pool (dbleaklint
// -poolpolicy.enforce finds nothing here). The database/sql side, which
// the runtime package does not cover, uses the standard idioms: defer
// rows.Close() right after Query's error check, defer tx.Rollback() right
// after Begin's, and a QueryRow issued only when its result is going to be
// scanned. dbleaklint finds nothing here.
package fixed

import (
	"database/sql"
	"sync"
	"time"

	"github.com/dbleaklint/dbleaklint/examples/userservice/api"
	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
)

// Service serves users, accounts and orders. Users, accounts and transfers go
// through the native pgx API, by the scoped helpers of a tracked pool
// (pool); orders go through database/sql (db), which the reporting code was
// written against.
type Service struct {
	pool   *dbleakrt.Pool
	db     *sql.DB
	totals *totalsCache
}

// Service is the store behind the HTTP API: api.Routes(New(pool, db)) serves
// it.
var _ api.Store = (*Service)(nil)

// New returns a Service over an open tracked pool and database handle.
func New(pool *dbleakrt.Pool, db *sql.DB) *Service {
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
