// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Command demo runs the leaky and the fixed twin of the userservice
// example in turn, each on 127.0.0.1 over a small tracked pool, under the
// same bounded load, and prints a before/after table: requests, successes,
// errors, acquire timeouts, latencies, the connections held at the end
// and the leaks the runtime's middleware named, with their file:line.
//
//	demo -dsn postgres://localhost/app
//
// It exits with status 1 when the run does not show the story (the leaky
// twin exhausting its pool, the fixed one ending with no connection held),
// and 2 on bad flags or when it cannot run at all.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/dbleaklint/dbleaklint/examples/userservice/demo"
)

func main() {
	cfg := demo.DefaultConfig()
	flag.StringVar(&cfg.DSN, "dsn", os.Getenv("DBLEAKLINT_TEST_DATABASE"), "PostgreSQL connection string (default $DBLEAKLINT_TEST_DATABASE)")
	flag.IntVar(&cfg.Requests, "requests", cfg.Requests, "requests made to each twin")
	flag.IntVar(&cfg.Concurrency, "concurrency", cfg.Concurrency, "requests in flight at once")
	flag.IntVar(&cfg.ErrorEvery, "error-every", cfg.ErrorEvery, "every Nth request takes an early-return or error path")
	flag.IntVar(&cfg.MaxConns, "max-conns", cfg.MaxConns, "pool size")
	flag.DurationVar(&cfg.AcquireTimeout, "acquire-timeout", cfg.AcquireTimeout, "bound on each request, and so on its wait for a connection")
	flag.DurationVar(&cfg.TimeLimit, "time-limit", cfg.TimeLimit, "bound on the load of each twin")
	flag.Parse()
	if cfg.DSN == "" || flag.NArg() > 0 || cfg.Requests < 1 || cfg.Concurrency < 1 || cfg.ErrorEvery < 1 ||
		cfg.MaxConns < 1 || cfg.AcquireTimeout <= 0 || cfg.TimeLimit <= 0 {
		fmt.Fprintln(os.Stderr, "demo: need -dsn (or DBLEAKLINT_TEST_DATABASE) and positive -requests, -concurrency, -error-every, -max-conns, -acquire-timeout and -time-limit")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	fmt.Printf("Load: %d requests at concurrency %d, 1 in %d on an early-return or error path; pool of %d, acquire timeout %v.\n\n",
		cfg.Requests, cfg.Concurrency, cfg.ErrorEvery, cfg.MaxConns, cfg.AcquireTimeout)
	var reports []*demo.Report
	for _, variant := range []string{"leaky", "fixed"} {
		r, err := demo.Run(ctx, cfg, variant)
		if err != nil {
			fmt.Fprintf(os.Stderr, "demo: %s: %v\n", variant, err)
			os.Exit(2)
		}
		reports = append(reports, r)
	}
	demo.Print(os.Stdout, cfg, reports)
	failed := false
	for _, r := range reports {
		if err := r.Check(cfg); err != nil {
			fmt.Fprintf(os.Stderr, "demo: unexpected outcome: %v\n", err)
			failed = true
		}
	}
	if failed {
		stop()
		os.Exit(1)
	}
}
