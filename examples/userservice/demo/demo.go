// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package demo runs the two twins of the userservice example, one after
// the other, under the same bounded load, and reports what the pool and
// dbleaklint's runtime package saw: the leaky twin exhausts its pool and
// the middleware names the lines that leaked; the fixed twin ends with
// every connection back in the pool.
//
// Each twin gets a schema of its own in the database (created afresh and
// dropped at the end), so that the locks and connections the leaky twin
// leaves behind cannot slow the fixed one down.
package demo

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dbleaklint/dbleaklint/examples/userservice/load"
	"github.com/dbleaklint/dbleaklint/examples/userservice/server"
	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
)

// Config configures a demo run.
type Config struct {
	// DSN is the PostgreSQL connection string.
	DSN string
	// Requests and Concurrency shape the load; TimeLimit bounds it.
	Requests, Concurrency int
	TimeLimit             time.Duration
	// ErrorEvery makes every ErrorEvery-th request take an early-return or
	// error path (10 means 10 %).
	ErrorEvery int
	// MaxConns is the pool size; AcquireTimeout bounds each request, and
	// so its wait for a connection.
	MaxConns       int
	AcquireTimeout time.Duration
	// Users is the number of users (each with one account) seeded.
	Users int
	// SchemaPrefix names the schemas: SchemaPrefix+"leaky" and
	// SchemaPrefix+"fixed".
	SchemaPrefix string
}

// DefaultConfig returns the configuration of `make demo`, without a DSN.
func DefaultConfig() Config {
	return Config{
		Requests: 1000, Concurrency: 100, TimeLimit: 60 * time.Second, ErrorEvery: 10,
		MaxConns: 4, AcquireTimeout: 250 * time.Millisecond, Users: 200, SchemaPrefix: "demo_",
	}
}

// Report is what came of running one twin.
type Report struct {
	Variant string
	Load    *load.Result
	// AcquireTimeouts counts the acquisitions that gave up waiting for a
	// connection (pgxpool's CanceledAcquireCount).
	AcquireTimeouts int64
	// Held is the number of connections still checked out at the end.
	Held int
	// Leaks are the connections the middleware reported, by site.
	Leaks []Site
	// MonitorWarnings counts the monitor's "held longer than the
	// threshold" warnings.
	MonitorWarnings int
	// Nested are the nested acquisitions the runtime noted, both pools.
	Nested []Nested
	// Exhausted is the first 503 explained by an exhausted pool, as the
	// server logged it, or "".
	Exhausted string
}

// Nested is an acquisition made while the same request held a connection
// of the same pool.
type Nested struct {
	Site, Function string // the second acquisition
	HeldSite       string // the connection already held
}

// Site is a line that acquired connections that were leaked.
type Site struct {
	Location string // file:line, from examples/ on
	Function string
	Kind     string // what leaked: connection, transaction, rows...
	Count    int
}

// LeakCount is the number of leaked connections the middleware reported.
func (r *Report) LeakCount() int {
	n := 0
	for _, s := range r.Leaks {
		n += s.Count
	}
	return n
}

// Run runs one twin ("leaky" or "fixed") under the load of cfg.
func Run(ctx context.Context, cfg Config, variant string) (*Report, error) {
	schema := cfg.SchemaPrefix + variant
	admin, err := pgx.Connect(ctx, cfg.DSN)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	defer admin.Close(context.WithoutCancel(ctx))
	if err := resetSchema(ctx, admin, schema); err != nil {
		return nil, err
	}
	defer dropSchema(context.WithoutCancel(ctx), admin, schema)

	sites := newSiteCounter()
	var exhausted sync.Once
	var exhaustedMsg string
	warnings := &countingHandler{msg: "dbleakrt: connection held longer than the threshold"}
	s, err := server.Open(ctx, server.Options{
		DSN: cfg.DSN, Variant: variant, MaxConns: cfg.MaxConns,
		RequestTimeout: cfg.AcquireTimeout, SearchPath: schema,
		Logger: slog.New(warnings),
		OnLeak: func(_ *http.Request, leaks []dbleakrt.Leak) { sites.add(leaks) },
		OnUnavailable: func(_ *http.Request, err error) {
			var ee *dbleakrt.ExhaustedError
			if errors.As(err, &ee) {
				exhausted.Do(func() { exhaustedMsg = trimPaths(err.Error()) })
			}
		},
		Monitor: dbleakrt.MonitorOptions{
			Interval: 200 * time.Millisecond, HoldThreshold: time.Second,
		},
	})
	if err != nil {
		return nil, err
	}
	if err := seed(ctx, admin, schema, cfg.Users); err != nil {
		_ = s.Close(time.Second)
		return nil, err
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		_ = s.Close(time.Second)
		return nil, err
	}
	srv := &http.Server{Handler: s.Handler, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)

	// One deposit first, alone. In the leaky twin it takes a second
	// connection while its transaction holds one, which the runtime
	// notes; under the load that follows, the leaks may fill the pool
	// before any deposit begins, and whether the note is made would
	// depend on the machine's speed.
	if _, err := load.Run(ctx, load.Options{
		BaseURL:  "http://" + ln.Addr().String(),
		Requests: 1, Concurrency: 1, TimeLimit: cfg.TimeLimit,
		Make: func(int) load.Request { return deposit(1) },
	}); err != nil {
		_ = srv.Shutdown(ctx)
		_ = s.Close(time.Second)
		return nil, err
	}
	before := s.Pool.Stat().CanceledAcquireCount()
	res, err := load.Run(ctx, load.Options{
		BaseURL:  "http://" + ln.Addr().String(),
		Requests: cfg.Requests, Concurrency: cfg.Concurrency, TimeLimit: cfg.TimeLimit,
		Make: mix{users: cfg.Users, errorEvery: cfg.ErrorEvery}.request,
	})
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdownCtx)
	if err != nil {
		_ = s.Close(time.Second)
		return nil, err
	}
	// Let the monitor look once more at what is still held.
	time.Sleep(300 * time.Millisecond)
	st := s.Pool.Stat()
	rep := &Report{
		Variant:         variant,
		Load:            res,
		AcquireTimeouts: st.CanceledAcquireCount() - before,
		Held:            st.Outstanding(),
		Leaks:           sites.sorted(),
		MonitorWarnings: warnings.count(),
		Nested:          nestedSites(append(s.Pool.Nested(), s.DB.Nested()...)),
	}
	exhausted.Do(func() {}) // no more writes
	rep.Exhausted = exhaustedMsg
	// The leaked connections are never released, so the pool can never
	// close: end their sessions, which also drops their locks, and leave
	// the pool behind.
	terminate(ctx, admin, s.Pool.Held())
	_ = s.Close(time.Second)
	return rep, nil
}

// Check tells whether a report shows what the demo is about: the leaky
// twin exhausts its pool and the middleware names its leaks; the fixed one
// ends with no connection held and no leak.
func (r *Report) Check(cfg Config) error {
	switch r.Variant {
	case "leaky":
		// The leaks fill the pool for good, and the deposits that acquire
		// while holding take what is left, until their deadline.
		if r.Held == 0 || r.AcquireTimeouts == 0 || r.LeakCount() == 0 {
			return fmt.Errorf("leaky: want the pool exhausted (%d of %d held, %d acquire timeouts) and leaks named (%d)",
				r.Held, cfg.MaxConns, r.AcquireTimeouts, r.LeakCount())
		}
		if len(r.Nested) == 0 || r.Exhausted == "" {
			return fmt.Errorf("leaky: want the nested acquisition noted (%d) and an exhausted-pool error logged (%q)",
				len(r.Nested), r.Exhausted)
		}
	case "fixed":
		if r.Held != 0 || r.LeakCount() != 0 || len(r.Nested) != 0 {
			return fmt.Errorf("fixed: want no connection held (%d), no leak (%d) and no nested acquisition (%d)",
				r.Held, r.LeakCount(), len(r.Nested))
		}
	}
	if r.Load.Sent != r.Load.Requests {
		return fmt.Errorf("%s: %d of %d requests made within the time limit", r.Variant, r.Load.Sent, r.Load.Requests)
	}
	return nil
}

// siteCounter counts the leaks the middleware reports, by site.
type siteCounter struct {
	mu    sync.Mutex
	sites map[string]*Site
}

func newSiteCounter() *siteCounter { return &siteCounter{sites: make(map[string]*Site)} }

func (c *siteCounter) add(leaks []dbleakrt.Leak) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, l := range leaks {
		loc := trimPaths(l.Site.Location())
		s := c.sites[loc]
		if s == nil {
			s = &Site{Location: loc, Function: shortFunc(l.Site.Function), Kind: l.Kind}
			c.sites[loc] = s
		}
		s.Count++
	}
}

// trimPaths cuts the directories before examples/userservice/ out of s.
func trimPaths(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "examples/userservice/")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.LastIndexAny(s[:i], " (\t\n") + 1
		b.WriteString(s[:j])
		s = s[i:]
		b.WriteString(s[:len("examples/userservice/")])
		s = s[len("examples/userservice/"):]
	}
}

// shortFunc drops the import path from a function name.
func shortFunc(fn string) string {
	return fn[strings.LastIndex(fn, "/")+1:]
}

// nestedSites turns the runtime's nested acquisitions into the report's.
func nestedSites(nested []dbleakrt.Nested) []Nested {
	out := make([]Nested, len(nested))
	for i, n := range nested {
		out[i] = Nested{
			Site: trimPaths(n.Acquired.Site.Location()), Function: shortFunc(n.Acquired.Site.Function),
			HeldSite: trimPaths(n.Held.Site.Location()),
		}
	}
	return out
}

// sorted returns the sites, most leaks first.
func (c *siteCounter) sorted() []Site {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]Site, 0, len(c.sites))
	for _, s := range c.sites {
		out = append(out, *s)
	}
	sortSites(out)
	return out
}

// countingHandler is a slog.Handler that discards records, counting those
// with the message msg.
type countingHandler struct {
	msg string
	mu  sync.Mutex
	n   int
}

func (h *countingHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h *countingHandler) Handle(_ context.Context, r slog.Record) error {
	if r.Message == h.msg {
		h.mu.Lock()
		h.n++
		h.mu.Unlock()
	}
	return nil
}

func (h *countingHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *countingHandler) WithGroup(string) slog.Handler      { return h }

func (h *countingHandler) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n
}
