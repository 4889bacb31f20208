// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package server wires either twin of the userservice example into an HTTP
// handler over a tracked pool of dbleaklint's runtime package: the same
// instrumentation, leak-reporting middleware, monitor and request deadline
// for both, so that the only difference between the two is the data layer.
//
// The leaky twin is written against the raw *pgxpool.Pool and *sql.DB. It
// gets them all the same from a tracked pool (made by dbleakrt.Instrument
// and dbleakrt.Wrap) and a tracked database (dbleakrt.OpenDB), so that the
// middleware names the lines where it leaks, on both sides.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/dbleaklint/dbleaklint/examples/userservice"
	"github.com/dbleaklint/dbleaklint/examples/userservice/api"
	"github.com/dbleaklint/dbleaklint/examples/userservice/fixed"
	"github.com/dbleaklint/dbleaklint/examples/userservice/leaky"
	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
)

// Options configures Open.
type Options struct {
	// DSN is the PostgreSQL connection string.
	DSN string
	// Variant is the data layer to serve: "leaky" or "fixed".
	Variant string
	// MaxConns is the size of each pool (pgxpool and database/sql).
	MaxConns int
	// RequestTimeout bounds each request, and so the wait for a pooled
	// connection; zero means no bound.
	RequestTimeout time.Duration
	// SearchPath, when not empty, is the PostgreSQL schema search path of
	// every connection, so that one database can hold several copies of
	// the tables.
	SearchPath string
	// Logger receives the reports of the middleware and the monitor; nil
	// means slog.Default().
	Logger *slog.Logger
	// OnLeak, when not nil, is called with the connections (and, for
	// database/sql, transactions, rows and statements) a request returned
	// without releasing (see dbleakrt.MiddlewareOptions).
	OnLeak func(r *http.Request, leaks []dbleakrt.Leak)
	// OnUnavailable, when not nil, is called with the error of each request
	// answered 503, explained by the pool that ran dry (a
	// *dbleakrt.ExhaustedError naming what holds its connections) when one
	// did. The error is logged as a warning either way.
	OnUnavailable func(r *http.Request, err error)
	// Monitor configures the pool monitor, which runs until Close.
	Monitor dbleakrt.MonitorOptions
}

// Server is an open service: its pools and its HTTP handler.
type Server struct {
	// Pool is the tracked pgx pool.
	Pool *dbleakrt.Pool
	// DB is the tracked database/sql handle.
	DB *dbleakrt.DB
	// Handler serves the API, reporting leaked connections per request.
	Handler http.Handler

	stopMonitor context.CancelFunc
	monitorDone chan struct{}
}

// Open connects to the database, applies schema.sql and returns the
// service of opts.Variant.
func Open(ctx context.Context, opts Options) (*Server, error) {
	if opts.Variant != "leaky" && opts.Variant != "fixed" {
		return nil, fmt.Errorf("variant must be leaky or fixed, not %q", opts.Variant)
	}
	if opts.MaxConns < 1 || opts.MaxConns > 1<<20 {
		return nil, errors.New("the pool size must be between 1 and 1048576")
	}
	cfg, err := dbleakrt.ParseConfig(opts.DSN)
	if err != nil {
		return nil, fmt.Errorf("parse the DSN: %w", err)
	}
	cfg.MaxConns = int32(opts.MaxConns)
	if opts.SearchPath != "" {
		cfg.ConnConfig.RuntimeParams["search_path"] = opts.SearchPath
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.Default()
	}
	cfg.Logger = logger // nested acquisitions
	// database/sql gets a copy of the connection settings, without the
	// pgxpool tracer, through its own tracker.
	db, err := dbleakrt.OpenDB(stdlib.GetConnector(*cfg.ConnConfig.Copy()), dbleakrt.WithLogger(logger))
	if err != nil {
		return nil, err
	}
	db.SQL().SetMaxOpenConns(opts.MaxConns)
	closeDB := func() { _ = db.SQL().Close() }

	// Instrument and Wrap, as an application does when other code creates
	// the pool: here, to hand the leaky twin a raw *pgxpool.Pool whose
	// acquisitions are tracked all the same.
	pc, err := dbleakrt.Instrument(cfg)
	if err != nil {
		closeDB()
		return nil, err
	}
	raw, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		closeDB()
		return nil, fmt.Errorf("open pool: %w", err)
	}
	pool, err := dbleakrt.Wrap(raw)
	if err != nil {
		raw.Close()
		closeDB()
		return nil, err
	}
	// With no arguments Exec uses the simple protocol, which runs every
	// statement of the file.
	if _, err := raw.Exec(ctx, userservice.Schema); err != nil {
		raw.Close()
		closeDB()
		return nil, fmt.Errorf("apply schema: %w", err)
	}

	var store api.Store
	if opts.Variant == "leaky" {
		store = leaky.New(pool.Pgx(), db.SQL())
	} else {
		store = fixed.New(pool, db.SQL())
	}
	var h http.Handler = api.RoutesWithOptions(store, api.Options{
		OnUnavailable: func(r *http.Request, err error) {
			if err = pool.Explain(err); !isExhausted(err) {
				err = db.Explain(err)
			}
			logger.LogAttrs(r.Context(), slog.LevelWarn, "userservice: answered 503",
				slog.String("path", r.URL.Path), slog.String("err", err.Error()))
			if opts.OnUnavailable != nil {
				opts.OnUnavailable(r, err)
			}
		},
	})
	// The middlewares of both pools share one scope per request. They run
	// inside the request's deadline so that they check the request before
	// its context is cancelled: database/sql closes the rows of a
	// cancelled context by itself, and would hide those leaks.
	mopts := dbleakrt.MiddlewareOptions{Logger: logger, OnLeak: opts.OnLeak}
	h = pool.Middleware(db.Middleware(h, mopts), mopts)
	if opts.RequestTimeout > 0 {
		h = withTimeout(h, opts.RequestTimeout)
	}

	mctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	monitor := opts.Monitor
	if monitor.Logger == nil {
		monitor.Logger = logger
	}
	go func() {
		defer close(done)
		var wg sync.WaitGroup
		wg.Go(func() { db.Monitor(mctx, monitor) })
		pool.Monitor(mctx, monitor)
		wg.Wait()
	}()
	return &Server{Pool: pool, DB: db, Handler: h, stopMonitor: stop, monitorDone: done}, nil
}

// withTimeout bounds each request's context by d.
func withTimeout(next http.Handler, d time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Close stops the monitor and closes the pools, waiting at most timeout
// for the connections to come back. It returns nil when both closed in
// time, and otherwise an error naming what is still held.
func (s *Server) Close(timeout time.Duration) error {
	s.stopMonitor()
	<-s.monitorDone
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return errors.Join(s.DB.Close(ctx), s.Pool.Close(ctx))
}

// isExhausted reports whether err names the holders of an exhausted pool.
func isExhausted(err error) bool {
	var ee *dbleakrt.ExhaustedError
	return errors.As(err, &ee)
}
