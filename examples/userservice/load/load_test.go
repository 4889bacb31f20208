// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package load

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	r := &Result{Latencies: ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)}
	for _, tc := range []struct {
		p    float64
		want time.Duration
	}{
		{50, 5 * time.Millisecond},
		{90, 9 * time.Millisecond},
		{99, 10 * time.Millisecond},
		{100, 10 * time.Millisecond},
		{1, 1 * time.Millisecond},
		{0, 0},
	} {
		if got := r.Percentile(tc.p); got != tc.want {
			t.Errorf("Percentile(%v) of 1..10ms = %v, want %v", tc.p, got, tc.want)
		}
	}
	if got := (&Result{}).Percentile(50); got != 0 {
		t.Errorf("Percentile of no latency = %v, want 0", got)
	}
	one := &Result{Latencies: ms(7)}
	if got := one.Percentile(99); got != 7*time.Millisecond {
		t.Errorf("Percentile(99) of one latency = %v, want 7ms", got)
	}
}

func TestRecorder(t *testing.T) {
	rec := newRecorder(5)
	rec.record(200, nil, 3*time.Millisecond)
	rec.record(404, nil, 1*time.Millisecond)
	rec.record(503, nil, 5*time.Millisecond)
	rec.record(0, errors.New("connection refused"), 2*time.Millisecond)
	rec.record(200, nil, 4*time.Millisecond)
	r := rec.result(6, time.Second)
	if r.Requests != 6 || r.Sent != 5 || r.Failed != 1 {
		t.Errorf("Requests, Sent, Failed = %d, %d, %d; want 6, 5, 1", r.Requests, r.Sent, r.Failed)
	}
	if r.Successes() != 3 || r.Errors() != 2 || r.Status(200) != 2 || r.Status(503) != 1 {
		t.Errorf("Successes %d, Errors %d, 200s %d, 503s %d; want 3, 2, 2, 1",
			r.Successes(), r.Errors(), r.Status(200), r.Status(503))
	}
	for i := 1; i < len(r.Latencies); i++ {
		if r.Latencies[i-1] > r.Latencies[i] {
			t.Fatalf("latencies not sorted: %v", r.Latencies)
		}
	}
	if got := r.Percentile(50); got != 3*time.Millisecond {
		t.Errorf("median = %v, want 3ms", got)
	}
}

// TestRun drives a local test server: every request is made once, in
// the order of Make's indexes, with its method, path and body.
func TestRun(t *testing.T) {
	var served atomic.Int64
	seen := make([]atomic.Bool, 200)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/r/"))
		if err != nil || i < 0 || i >= len(seen) || seen[i].Swap(true) {
			http.Error(w, "bad or repeated request "+r.URL.Path, http.StatusBadRequest)
			return
		}
		switch {
		case i%10 == 9:
			http.Error(w, "boom", http.StatusInternalServerError)
		case r.Method == http.MethodPost && r.Header.Get("Content-Type") != "application/json":
			http.Error(w, "no content type", http.StatusBadRequest)
		case i%10 == 8:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	r, err := Run(context.Background(), Options{
		BaseURL: srv.URL, Requests: len(seen), Concurrency: 7, TimeLimit: time.Minute,
		Make: func(i int) Request {
			if i%2 == 0 {
				return Request{Method: http.MethodPost, Path: fmt.Sprintf("/r/%d", i), Body: []byte(`{}`)}
			}
			return Request{Method: http.MethodGet, Path: fmt.Sprintf("/r/%d", i)}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if served.Load() != int64(len(seen)) || r.Sent != len(seen) || len(r.Latencies) != len(seen) {
		t.Errorf("served %d, sent %d, %d latencies; want %d each", served.Load(), r.Sent, len(r.Latencies), len(seen))
	}
	if r.Status(500) != 20 || r.Status(404) != 20 || r.Status(200) != 160 || r.Status(400) != 0 {
		t.Errorf("statuses %v, want 160 200s, 20 404s and 20 500s", r.ByStatus)
	}
	if r.Successes() != 180 || r.Errors() != 20 || r.Failed != 0 {
		t.Errorf("successes %d, errors %d, failed %d; want 180, 20, 0", r.Successes(), r.Errors(), r.Failed)
	}
}

// TestRunTimeLimit stops a run whose server never answers at the time
// limit, counting the requests cut short as failed.
func TestRunTimeLimit(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)

	r, err := Run(context.Background(), Options{
		BaseURL: srv.URL, Requests: 1000, Concurrency: 4, TimeLimit: 50 * time.Millisecond,
		Make: func(int) Request { return Request{Method: http.MethodGet, Path: "/"} },
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Sent != 4 || r.Failed != 4 || r.Successes() != 0 {
		t.Errorf("sent %d, failed %d, successes %d; want the 4 in flight sent and failed", r.Sent, r.Failed, r.Successes())
	}
}

func TestRunRefusesNonLoopback(t *testing.T) {
	for _, base := range []string{"http://example.com", "http://10.0.0.1:8080", "https://127.0.0.1", "http://[::1]:1/x", "::"} {
		_, err := Run(context.Background(), Options{
			BaseURL: base, Requests: 1, Concurrency: 1, TimeLimit: time.Second,
			Make: func(int) Request { return Request{Method: http.MethodGet, Path: "/"} },
		})
		loopback := base == "http://[::1]:1/x"
		if loopback && err != nil && strings.Contains(err.Error(), "loopback") {
			t.Errorf("Run(%q) refused a loopback address: %v", base, err)
		}
		if !loopback && err == nil {
			t.Errorf("Run(%q) = nil error, want a refusal", base)
		}
	}
}
