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
// Info, and a warning for each connection (for a [DB], also transaction,
// rows or statement) held longer than opts.HoldThreshold, naming the line
// that acquired it and carrying the acquiring stack. Each is warned about
// once per acquisition and reported (see [Pool.Report]); when it is
// returned later, an Info record says so, so that the log does not
// overstate what is held.
//
// Monitor blocks; run it in its own goroutine:
//
//	go pool.Monitor(ctx, dbleakrt.MonitorOptions{HoldThreshold: 30 * time.Second})
func (c *core) Monitor(ctx context.Context, opts MonitorOptions) {
	opts = opts.withDefaults()
	ticker := time.NewTicker(opts.Interval)
	defer ticker.Stop()
	for {
		c.monitorOnce(ctx, opts)
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// monitorOnce makes one report.
func (c *core) monitorOnce(ctx context.Context, opts MonitorOptions) {
	opts.Logger.LogAttrs(ctx, slog.LevelInfo, "dbleakrt: pool stats", c.stats()...)
	if opts.HoldThreshold < 0 {
		return
	}
	recs := c.heldRecords(func(rec *record) bool {
		return time.Since(rec.at) > opts.HoldThreshold && rec.warnedBy.Load() == nil
	})
	for i, l := range c.book.leaks(recs) {
		if !c.book.warned(recs[i], opts.Logger) {
			continue
		}
		attrs := append(leakAttrs(l), slog.Duration("threshold", opts.HoldThreshold))
		opts.Logger.LogAttrs(ctx, slog.LevelWarn,
			"dbleakrt: database resource held longer than the threshold", attrs...)
		c.book.report(l)
	}
}
