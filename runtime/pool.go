package dbleakrt

import (
	"context"
	"errors"
	"log/slog"

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
	core
	pool *pgxpool.Pool
}

func newPool(pool *pgxpool.Pool, t *tracker) *Pool {
	p := &Pool{pool: pool}
	p.core = core{
		book: t.book, owner: pool,
		stats: func() []slog.Attr { return p.Stat().attrs() },
		usage: func() (int, int) {
			s := pool.Stat()
			return int(s.AcquiredConns()), int(s.MaxConns())
		},
	}
	return p
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
	return newPool(pool, t), nil
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
	return newPool(pool, t), nil
}

// Pgx returns the underlying pgxpool pool.
func (p *Pool) Pgx() *pgxpool.Pool {
	return p.pool
}

// Close closes the pool and waits until every checked-out connection has
// been released, or until ctx is done. In the second case it returns a
// *CloseError naming the connections still held, grouped by the line that
// acquired them; the pool goes on closing in the background, as
// [pgxpool.Pool.Close] cannot abandon a connection, and finishes if they are
// ever released. With a context that is never done, Close blocks like
// pgxpool's until every connection is back.
//
// Pair it with [http.Server.Shutdown], which stops the server and waits for
// its requests: shut the server down first, then close the pool with what is
// left of the same deadline:
//
//	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
//	defer cancel()
//	if err := srv.Shutdown(ctx); err != nil {
//		log.Printf("http shutdown: %v", err)
//	}
//	if err := pool.Close(ctx); err != nil {
//		log.Printf("pool close: %v", err) // names the leaked connections
//	}
func (p *Pool) Close(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		p.pool.Close()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
	}
	select {
	case <-done: // both were ready
		return nil
	default:
	}
	return &CloseError{Err: ctx.Err(), Holders: p.Held()}
}

// Explain returns err wrapped in an *ExhaustedError naming every holder of
// the pool's connections when err is an acquisition that gave up at its
// context's deadline or cancellation while the pool was full; otherwise it
// returns err unchanged. Use it on the errors of acquisitions made through
// [Pool.Pgx] (Acquire, Query, Begin...); WithConn and WithTx do it
// themselves. The holders are those of the moment Explain is called, so
// call it right away.
func (p *Pool) Explain(err error) error {
	return p.explain(err)
}

// Hijack takes c out of the pool like [pgxpool.Conn.Hijack] and stops
// tracking it. pgxpool does not trace hijacks, so a connection hijacked
// directly would be reported as held forever.
func (p *Pool) Hijack(c *pgxpool.Conn) *pgx.Conn {
	conn := c.Hijack()
	p.book.remove(conn)
	return conn
}
