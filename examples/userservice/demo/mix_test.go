// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package demo

import (
	"strconv"
	"strings"
	"testing"
)

// TestMix checks the share of requests on the error paths, and that the
// mix depends on the index only.
func TestMix(t *testing.T) {
	m := mix{users: 200, errorEvery: 10}
	kinds := map[string]int{}
	for i := range 1000 {
		r := m.request(i)
		if r2 := m.request(i); r2.Path != r.Path || string(r2.Body) != string(r.Body) {
			t.Fatalf("request %d differs between two calls", i)
		}
		id, isGet := strings.CutPrefix(r.Path, "/users/")
		n, err := strconv.Atoi(id)
		switch {
		case r.Method == "GET" && isGet && err == nil && n > m.users:
			kinds["unknown user"]++
		case strings.Contains(string(r.Body), "1099511627776"):
			kinds["insufficient funds"]++
		case strings.Contains(string(r.Body), `"user1@example.com"`):
			kinds["taken email"]++
		}
	}
	for _, k := range []string{"unknown user", "insufficient funds", "taken email"} {
		if n := kinds[k]; n < 33 || n > 34 {
			t.Errorf("%d requests for %s, want 33 or 34 (a third of 10%%)", n, k)
		}
	}
}
