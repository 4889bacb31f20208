// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package demo

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// dsn returns the test database, as started by scripts/postgres.sh; the
// test is skipped without one, or fails when CI is set.
func dsn(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("DBLEAKLINT_TEST_DATABASE")
	if dsn == "" {
		const msg = "DBLEAKLINT_TEST_DATABASE is not set; to run this test: " +
			`eval "$(scripts/postgres.sh start >/dev/null && scripts/postgres.sh env)"`
		if os.Getenv("CI") != "" {
			t.Fatal(msg + " (an error because CI is set)")
		}
		t.Skip(msg)
	}
	return dsn
}

// TestDemo runs both twins under a smaller load than `make demo`'s, in
// schemas of their own, and checks the story: the leaky twin exhausts its
// pool and the middleware names the lines of its leaks; the fixed twin
// ends with no connection held.
func TestDemo(t *testing.T) {
	cfg := DefaultConfig()
	cfg.DSN = dsn(t)
	cfg.Requests, cfg.Concurrency = 200, 40
	// A generous bound: the fixed twin must not time out on a busy
	// machine, and the leaky one exhausts its pool whatever the bound.
	cfg.AcquireTimeout = time.Second
	cfg.TimeLimit = 2 * time.Minute
	cfg.SchemaPrefix = "demo_test_" + randomHex(t) + "_"

	var reports []*Report
	for _, variant := range []string{"leaky", "fixed"} {
		r, err := Run(context.Background(), cfg, variant)
		if err != nil {
			t.Fatalf("%s: %v", variant, err)
		}
		if err := r.Check(cfg); err != nil {
			t.Error(err)
		}
		reports = append(reports, r)
	}
	leaky, fixed := reports[0], reports[1]
	// Every leak is one of leaky's three pgx leaks or its database/sql
	// leak of OrderTotal, named by file:line; the pgx ones fill the pool.
	pgxLeaks := map[string]bool{
		"examples/userservice/leaky/users.go:17":    true,
		"examples/userservice/leaky/users.go:79":    true,
		"examples/userservice/leaky/transfer.go:19": true,
	}
	const sqlLeak = "examples/userservice/leaky/orders.go:45"
	pgxCount, sqlCount := 0, 0
	for _, s := range leaky.Leaks {
		switch {
		case pgxLeaks[s.Location]:
			pgxCount += s.Count
		case s.Location == sqlLeak && s.Kind == "rows":
			sqlCount += s.Count
		default:
			t.Errorf("leak named at %s (%s, %s), not one of the leaky twin's leaks", s.Location, s.Kind, s.Function)
		}
	}
	// The pgx leaks are never released: each holds a connection to the end.
	if pgxCount != leaky.Held || pgxCount == 0 || sqlCount == 0 {
		t.Errorf("leaky: %d pgx leaks named, want the %d connections held at the end; %d database/sql leaks, want some",
			pgxCount, leaky.Held, sqlCount)
	}
	// The nested acquisition is Deposit's; a batch whose item failed on a
	// timeout also begins the next item's transaction while the leaked one
	// holds its connection (leak 2 at users.go:79), which is nested too.
	deposit := false
	for _, n := range leaky.Nested {
		switch {
		case n.HeldSite == "examples/userservice/leaky/deposit.go:16" && n.Site == "examples/userservice/leaky/users.go:17":
			deposit = true
		case n.HeldSite == "examples/userservice/leaky/users.go:79" && n.Site == n.HeldSite:
		default:
			t.Errorf("leaky: unexpected nested acquisition %+v", n)
		}
	}
	if !deposit {
		t.Errorf("leaky: nested acquisitions %+v, want GetUser's while Deposit's transaction is held", leaky.Nested)
	}
	if !strings.Contains(leaky.Exhausted, "context deadline exceeded") || !strings.Contains(leaky.Exhausted, " by ") {
		t.Errorf("leaky: exhausted-pool error %q does not name the holders", leaky.Exhausted)
	}
	if fixed.Load.Errors() != 0 || fixed.AcquireTimeouts != 0 {
		t.Errorf("fixed: %d errors, %d acquire timeouts; want none", fixed.Load.Errors(), fixed.AcquireTimeouts)
	}

	var out bytes.Buffer
	Print(&out, cfg, reports)
	held := fmt.Sprintf("%d of %d", leaky.Held, cfg.MaxConns)
	for _, s := range []string{"connections held at the end", held, "0 of 4", leaky.Leaks[0].Location, "fixed: the middleware named no leak"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("table lacks %q:\n%s", s, out.String())
		}
	}
}

func randomHex(t *testing.T) string {
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
