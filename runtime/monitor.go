package dbleakrt

import (
	"context"
	"log/slog"
	"time"
)

// Defaults of [MonitorOptions].
const (
	// DefaultMonitorInterval is the time between two reports.
	DefaultMonitorInterval = 10 * time.Second
	// DefaultHoldThreshold is how long a connection may be held before the
	// monitor warns about it.
	DefaultHoldThreshold = time.Minute
)

// MonitorOptions configures [Pool.Monitor]. The zero value is ready to use.
type MonitorOptions struct {
	// Interval is the time between two reports. Zero means
	// DefaultMonitorInterval.
	Interval time.Duration

	// HoldThreshold is how long a connection may be held before the monitor
	// warns about it. Zero means DefaultHoldThreshold; a negative value
	// turns the warnings off.
	HoldThreshold time.Duration

	// Logger receives the reports. Nil means slog.Default().
	Logger *slog.Logger
}

func (o MonitorOptions) withDefaults() MonitorOptions {
	if o.Interval <= 0 {
		o.Interval = DefaultMonitorInterval
	}
	if o.HoldThreshold == 0 {
		o.HoldThreshold = DefaultHoldThreshold
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// Monitor reports on the pool until ctx is done: once when it starts and
// then every opts.Interval. Each report logs the pool's statistics at level
// Info, and a warning for each connection held longer than
// opts.HoldThreshold, naming the line that acquired it and carrying the
// acquiring stack. A connection is warned about once per acquisition, and
// handed to [Config.OnLeak] unless it was reported already.
//
// Monitor blocks; run it in its own goroutine:
//
//	go pool.Monitor(ctx, dbleakrt.MonitorOptions{HoldThreshold: 30 * time.Second})
func (p *Pool) Monitor(ctx context.Context, opts MonitorOptions) {
	opts = opts.withDefaults()
	ticker := time.NewTicker(opts.Interval)
	defer ticker.Stop()
	for {
		p.monitorOnce(ctx, opts)
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// monitorOnce makes one report.
func (p *Pool) monitorOnce(ctx context.Context, opts MonitorOptions) {
	s := p.Stat()
	opts.Logger.LogAttrs(ctx, slog.LevelInfo, "dbleakrt: pool stats", statAttrs(s)...)
	if opts.HoldThreshold < 0 {
		return
	}
	recs := p.tracker.records(p.pool, func(rec *record) bool {
		return time.Since(rec.at) > opts.HoldThreshold && !rec.warned.Load()
	})
	for i, l := range p.leaks(recs) {
		if !recs[i].warned.CompareAndSwap(false, true) {
			continue
		}
		attrs := append(leakAttrs(l), slog.Duration("threshold", opts.HoldThreshold))
		opts.Logger.LogAttrs(ctx, slog.LevelWarn,
			"dbleakrt: connection held longer than the threshold", attrs...)
		p.report(recs[i], l)
	}
}

// statAttrs describes a Stat for log/slog.
func statAttrs(s *Stat) []slog.Attr {
	return []slog.Attr{
		slog.Int("total_conns", int(s.TotalConns())),
		slog.Int("acquired_conns", int(s.AcquiredConns())),
		slog.Int("idle_conns", int(s.IdleConns())),
		slog.Int("max_conns", int(s.MaxConns())),
		slog.Int("outstanding", s.Outstanding()),
		slog.Duration("longest_held", s.LongestHeld()),
		slog.Int64("acquire_count", s.AcquireCount()),
		slog.Int64("empty_acquire_count", s.EmptyAcquireCount()),
		slog.Int64("canceled_acquire_count", s.CanceledAcquireCount()),
		slog.Int64("leak_count", s.LeakCount()),
	}
}
