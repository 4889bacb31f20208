package dbleakrt

import (
	"errors"

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
	// found leaked: by [Pool.Middleware] when a request returns still holding
	// a connection, and by [Pool.Monitor] when a connection is held longer
	// than its threshold. It is called from the goroutine that found the leak
	// and must not block.
	OnLeak func(Leak)
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
func ParseConfig(dsn string) (*Config, error) {
	pc, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	return &Config{Config: pc, CaptureStacks: true, StackDepth: DefaultStackDepth}, nil
}

// errNoPoolConfig is returned for a Config whose pgxpool.Config is nil.
var errNoPoolConfig = errors.New("dbleakrt: Config.Config is nil; create the Config with ParseConfig")
