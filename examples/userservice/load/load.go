// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package load is a small HTTP load generator for the userservice demo:
// a fixed number of requests, made by a fixed number of workers, within a
// time limit, to a server on the loopback interface only.
package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"
)

// Request is one request of a load.
type Request struct {
	Method string
	Path   string // with the query, if any; relative to Options.BaseURL
	Body   []byte // sent as application/json when not nil
}

// Options configures Run.
type Options struct {
	// BaseURL is the server's URL, such as "http://127.0.0.1:8080". Its
	// host must be a loopback address or "localhost".
	BaseURL string
	// Requests is the number of requests to make, Concurrency the number
	// of workers making them.
	Requests, Concurrency int
	// TimeLimit bounds the whole run: requests not started by then are
	// not made, and requests in flight are cancelled. It must be positive.
	TimeLimit time.Duration
	// Make returns request i, for i from 0 to Requests-1. It is called
	// from several goroutines at once.
	Make func(i int) Request
	// Client makes the requests; nil means a client with a transport of
	// its own, closed at the end of the run.
	Client *http.Client
}

// Run makes the requests of opts and returns what came of them.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if err := checkLoopback(opts.BaseURL); err != nil {
		return nil, err
	}
	if opts.Requests < 0 || opts.Concurrency < 1 || opts.TimeLimit <= 0 || opts.Make == nil {
		return nil, errors.New("load: need Requests >= 0, Concurrency >= 1, a positive TimeLimit and Make")
	}
	client := opts.Client
	if client == nil {
		// No Proxy: the requests go straight to the loopback server.
		tr := &http.Transport{MaxIdleConnsPerHost: opts.Concurrency}
		defer tr.CloseIdleConnections()
		client = &http.Client{Transport: tr}
	}
	ctx, cancel := context.WithTimeout(ctx, opts.TimeLimit)
	defer cancel()

	rec := newRecorder(opts.Requests)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(opts.Concurrency, max(opts.Requests, 1)) {
		wg.Go(func() {
			for i := range next {
				if ctx.Err() != nil {
					continue // handed out as the time limit passed: not made
				}
				start := time.Now()
				status, err := do(ctx, client, opts.BaseURL, opts.Make(i))
				rec.record(status, err, time.Since(start))
			}
		})
	}
	start := time.Now()
feed:
	for i := range opts.Requests {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return rec.result(opts.Requests, time.Since(start)), nil
}

// do makes one request and returns its status code.
func do(ctx context.Context, client *http.Client, base string, r Request) (int, error) {
	var body io.Reader
	if r.Body != nil {
		body = bytes.NewReader(r.Body)
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, base+r.Path, body)
	if err != nil {
		return 0, err
	}
	if r.Body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	// Read the body so that the connection is reused.
	_, err = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, err
}

// checkLoopback makes sure that base names a server on this machine's
// loopback interface.
func checkLoopback(base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("load: bad base URL: %w", err)
	}
	if u.Scheme != "http" {
		return fmt.Errorf("load: base URL %q: want http://", base)
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("load: base URL %q is not on the loopback interface", base)
	}
	return nil
}

// Result is what came of a load.
type Result struct {
	// Requests is the number of requests asked for; Sent those made.
	Requests, Sent int
	// ByStatus counts the responses by status code.
	ByStatus map[int]int
	// Failed counts the requests that got no response (a transport error,
	// or the time limit).
	Failed int
	// Elapsed is the duration of the run.
	Elapsed time.Duration
	// Latencies holds the duration of every request made, sorted.
	Latencies []time.Duration
}

// Successes counts the requests answered with a status below 500: the
// service did its job, even when the answer is 404 or 409.
func (r *Result) Successes() int {
	n := 0
	for code, c := range r.ByStatus {
		if code < 500 {
			n += c
		}
	}
	return n
}

// Errors counts the requests answered with a status of 500 or more, or
// not answered at all.
func (r *Result) Errors() int {
	return r.Sent - r.Successes()
}

// Status counts the responses with the given status code.
func (r *Result) Status(code int) int {
	return r.ByStatus[code]
}

// Percentile returns the p-th percentile (0 < p <= 100) of the
// latencies by the nearest-rank method, or 0 when no request was made.
func (r *Result) Percentile(p float64) time.Duration {
	n := len(r.Latencies)
	if n == 0 || p <= 0 {
		return 0
	}
	// The smallest rank k (1-based) such that k/n >= p/100.
	k := min(max(int(math.Ceil(float64(n)*p/100)), 1), n)
	return r.Latencies[k-1]
}

// recorder collects the outcomes of requests from several goroutines.
type recorder struct {
	mu        sync.Mutex
	byStatus  map[int]int
	failed    int
	latencies []time.Duration
}

func newRecorder(n int) *recorder {
	return &recorder{byStatus: make(map[int]int), latencies: make([]time.Duration, 0, n)}
}

// record counts one request: its status, or err when it got no response.
func (r *recorder) record(status int, err error, d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil || status == 0 {
		r.failed++
	} else {
		r.byStatus[status]++
	}
	r.latencies = append(r.latencies, d)
}

// result returns the Result of the requests recorded.
func (r *recorder) result(requests int, elapsed time.Duration) *Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	lat := slices.Clone(r.latencies)
	slices.Sort(lat)
	return &Result{
		Requests:  requests,
		Sent:      len(lat),
		ByStatus:  maps.Clone(r.byStatus),
		Failed:    r.failed,
		Elapsed:   elapsed,
		Latencies: lat,
	}
}
