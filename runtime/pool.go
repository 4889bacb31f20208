package dbleakrt

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrNotInstrumented is returned by [Wrap] for a pool that was not created
// from a configuration returned by [Instrument]: pgxpool reads its tracers
// once, when the pool is created, so tracking cannot be added afterwards.
var ErrNotInstrumented = errors.New("dbleakrt: the pool was not created from a config returned by Instrument, so its connections cannot be tracked")

// ErrAlreadyInstrumented is returned when a configuration already carries a
// tracker of this package.
var ErrAlreadyInstrumented = errors.New("dbleakrt: the config is already instrumented")

// Pool is a [pgxpool.Pool] whose connections are tracked from acquisition to
// release. It is safe for concurrent use.
//
// Use [Pool.Pgx] for everything pgxpool offers: acquisitions made through
// it, directly or by Query, QueryRow, SendBatch, Begin and the like, are
// tracked all the same.
type Pool struct {
	pool    *pgxpool.Pool
	tracker *tracker
}

// New creates a tracked pool from a connection string, with stack capture
// on, after applying opts to the configuration. Like [pgxpool.New], it does
// not wait for a connection to be established.
func New(ctx context.Context, dsn string, opts ...Option) (*Pool, error) {
	cfg, err := ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	for _, opt := range opts {
		opt(cfg)
	}
	return NewWithConfig(ctx, cfg)
}

// NewWithConfig creates a tracked pool from cfg. cfg is not modified: the
// tracker is installed in a copy of cfg.Config.
func NewWithConfig(ctx context.Context, cfg *Config) (*Pool, error) {
	pc, t, err := instrument(cfg)
	if err != nil {
		return nil, err
	}
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, err
	}
	return &Pool{pool: pool, tracker: t}, nil
}

// Instrument returns a copy of cfg.Config with a tracker installed in its
// ConnConfig.Tracer, chained with any tracer already there. It serves code
// that must create the [pgxpool.Pool] itself: create the pool from the
// returned config with [pgxpool.NewWithConfig], then call [Wrap] on it.
// Create one pool from each returned config.
func Instrument(cfg *Config) (*pgxpool.Config, error) {
	pc, _, err := instrument(cfg)
	return pc, err
}

func instrument(cfg *Config) (*pgxpool.Config, *tracker, error) {
	if cfg == nil || cfg.Config == nil || cfg.ConnConfig == nil {
		return nil, nil, errNoPoolConfig
	}
	if trackerOf(cfg.ConnConfig.Tracer) != nil {
		return nil, nil, ErrAlreadyInstrumented
	}
	t := newTracker(cfg)
	pc := cfg.Config.Copy()
	pc.ConnConfig.Tracer = chain(t, cfg.ConnConfig.Tracer)
	return pc, t, nil
}

// Wrap returns a tracked Pool for a pool created from a configuration
// returned by [Instrument]. For any other pool it returns
// [ErrNotInstrumented]: pgxpool picks its tracers up when the pool is
// created, so the connections of such a pool cannot be tracked, and a leak
// checker that silently sees nothing would be worse than an error.
func Wrap(pool *pgxpool.Pool) (*Pool, error) {
	if pool == nil {
		return nil, errors.New("dbleakrt: Wrap of a nil pool")
	}
	t := trackerOf(pool.Config().ConnConfig.Tracer)
	if t == nil {
		return nil, ErrNotInstrumented
	}
	return &Pool{pool: pool, tracker: t}, nil
}

// Pgx returns the underlying pgxpool pool.
func (p *Pool) Pgx() *pgxpool.Pool {
	return p.pool
}

// Close closes the underlying pool. Like [pgxpool.Pool.Close], it blocks
// until every checked-out connection has been released.
func (p *Pool) Close() {
	p.pool.Close()
}

// Hijack takes c out of the pool like [pgxpool.Conn.Hijack] and stops
// tracking it. pgxpool does not trace hijacks, so a connection hijacked
// directly would be reported as held forever.
func (p *Pool) Hijack(c *pgxpool.Conn) *pgx.Conn {
	conn := c.Hijack()
	p.tracker.forget(conn)
	return conn
}

// Held returns the pool's checked-out connections, oldest first.
func (p *Pool) Held() []Leak {
	return p.leaks(p.tracker.records(p.pool, nil))
}

// leaks turns records into Leaks, measuring Held at one instant.
func (p *Pool) leaks(recs []*record) []Leak {
	if len(recs) == 0 {
		return nil
	}
	now := time.Now()
	out := make([]Leak, len(recs))
	for i, rec := range recs {
		out[i] = p.tracker.leak(rec, now)
	}
	return out
}

// report counts a leaked acquisition and hands it to Config.OnLeak, once per
// acquisition however many times it is found.
func (p *Pool) report(rec *record, l Leak) {
	if !rec.reported.CompareAndSwap(false, true) {
		return
	}
	p.tracker.leakCount.Add(1)
	if p.tracker.onLeak != nil {
		p.tracker.onLeak(l)
	}
}
