package dbleakrt

import (
	"errors"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Config configures a tracked [Pool]. The embedded [pgxpool.Config] is the
// pool's own configuration; the other fields configure the tracking.
//
// A Config must be created by [ParseConfig], or by setting Config to the
// result of [pgxpool.ParseConfig].
type Config struct {
	// Config is the underlying pgxpool configuration. Its ConnConfig.Tracer
	// may hold a tracer of the application's: it is chained with this
	// package's tracer, not replaced.
	*pgxpool.Config

	// CaptureStacks records the call stack of every acquisition, so that
	// reports name the line that acquired a connection. It costs one
	// runtime.Callers call per acquisition; symbolizing is deferred until a
	// report is made. ParseConfig turns it on.
	CaptureStacks bool

	// StackDepth is the number of frames kept per acquisition, counted from
	// the first frame outside pgx, puddle and this package. Zero means
	// DefaultStackDepth; values above 128 mean 128.
	StackDepth int

	// OnLeak, when not nil, is called once for each acquisition that is
	// found leaked, whatever found it: the middleware when a request returns
	// still holding it, a scope's check, the monitor when it is held longer
	// than its threshold, package pooltest, or a call of [Pool.Report]. It
	// is called from the goroutine that found the leak and must not block.
	// Every leak it is called for is counted in [Tracked.LeakCount].
	OnLeak func(Leak)

	// Logger receives the tracker's own warnings: nested acquisitions
	// (see [Pool.Nested]). Nil means slog.Default(). The middleware and the
	// monitor log to the loggers of their options.
	Logger *slog.Logger

	// TrackGoroutines notes nested acquisitions of code that runs without a
	// scope (see [Pool.Scope]; the middleware sets one per request) by
	// goroutine: a connection acquired by a goroutine that already holds
	// one of the same pool. Go offers no cheap goroutine identity, so this
	// costs a runtime.Stack call, about 10 µs, per acquisition made without
	// a scope; it is off by default. Acquisitions made with a scope are
	// always checked, at no extra cost.
	TrackGoroutines bool
}

// Option changes a Config before [New] creates the pool. Any function with
// this signature is an Option, so pool settings can be changed too:
//
//	dbleakrt.New(ctx, dsn, func(c *dbleakrt.Config) { c.MaxConns = 8 })
type Option func(*Config)

// WithoutStacks turns stack capture off: reports then carry the time of the
// acquisition but not its site.
func WithoutStacks() Option {
	return func(c *Config) { c.CaptureStacks = false }
}

// WithStackDepth turns stack capture on and keeps n frames per acquisition.
func WithStackDepth(n int) Option {
	return func(c *Config) { c.CaptureStacks, c.StackDepth = true, n }
}

// WithOnLeak sets [Config.OnLeak].
func WithOnLeak(fn func(Leak)) Option {
	return func(c *Config) { c.OnLeak = fn }
}

// ParseConfig parses a connection string like [pgxpool.ParseConfig] and
// returns a Config with stack capture on.
//
// For a [DB], [OpenDB] and [Open] apply their options to a Config whose
// pgxpool part is nil: only the tracking fields apply (database/sql's
// pool is configured on [DB.SQL]).
func ParseConfig(dsn string) (*Config, error) {
	pc, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	return &Config{Config: pc, CaptureStacks: true, StackDepth: DefaultStackDepth}, nil
}

// errNoPoolConfig is returned for a Config whose pgxpool.Config is nil.
var errNoPoolConfig = errors.New("dbleakrt: Config.Config is nil; create the Config with ParseConfig")

// WithLogger sets [Config.Logger].
func WithLogger(l *slog.Logger) Option {
	return func(c *Config) { c.Logger = l }
}
