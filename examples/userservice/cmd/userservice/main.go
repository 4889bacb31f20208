// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Command userservice serves the userservice example over HTTP, either as the
// team first wrote it (-variant=leaky) or with its leaks fixed
// (-variant=fixed). It applies schema.sql at start.
//
//	userservice -dsn postgres://localhost/userservice -addr :8080 -variant=leaky
//
// Both variants run over a tracked pool of dbleaklint's runtime package
// (see package server): its middleware logs each connection a request
// leaks, naming the line that acquired it, and its monitor logs pool
// statistics and the connections held too long. GET /debug/pool shows how
// many connections each pool has checked out, which makes the leaks of the
// leaky variant visible: the counts climb and never come back down.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/dbleaklint/dbleaklint/examples/userservice/server"
	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
)

func main() {
	dsn := flag.String("dsn", os.Getenv("DATABASE_URL"), "PostgreSQL connection string (default $DATABASE_URL)")
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	variant := flag.String("variant", "fixed", "implementation to serve: leaky or fixed")
	maxConns := flag.Int("max-conns", 10, "size of each connection pool (pgxpool and database/sql)")
	timeout := flag.Duration("request-timeout", 30*time.Second, "bound on each request, including the wait for a pooled connection")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *dsn, *addr, *variant, *maxConns, *timeout); err != nil {
		log.Fatalf("userservice: %v", err)
	}
}

func run(ctx context.Context, dsn, addr, variant string, maxConns int, timeout time.Duration) error {
	if dsn == "" {
		return errors.New("no database: set -dsn or DATABASE_URL")
	}
	s, err := server.Open(ctx, server.Options{
		DSN:            dsn,
		Variant:        variant,
		MaxConns:       maxConns,
		RequestTimeout: timeout,
		Monitor:        dbleakrt.MonitorOptions{Interval: 30 * time.Second, HoldThreshold: 10 * time.Second},
	})
	if err != nil {
		return err
	}
	defer func() {
		if err := s.Close(5 * time.Second); err != nil {
			log.Printf("userservice: %v", err) // names the connections still held
		}
	}()

	mux := http.NewServeMux()
	mux.Handle("/", s.Handler)
	mux.HandleFunc("GET /debug/pool", func(w http.ResponseWriter, r *http.Request) {
		ps, ds := s.Pool.Stat(), s.DB.Stat()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "pgxpool: %d acquired, %d idle, %d max, %d leaked\n",
			ps.AcquiredConns(), ps.IdleConns(), ps.MaxConns(), ps.LeakCount())
		fmt.Fprintf(w, "database/sql: %d in use, %d idle, %d max, %d leaked\n",
			ds.InUse, ds.Idle, ds.MaxOpenConnections, ds.LeakCount())
	})

	srv := &http.Server{
		Addr:              addr,
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Printf("userservice: serving the %s variant on %s", variant, addr)

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
