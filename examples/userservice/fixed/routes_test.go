package fixed

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestRoutes checks, without a database, that each endpoint of the API is
// routed to a pattern, and that malformed requests are refused before any
// query would run.
func TestRoutes(t *testing.T) {
	mux, ok := New(nil, nil).Routes().(*http.ServeMux)
	if !ok {
		t.Fatal("Routes does not return a *http.ServeMux")
	}
	for _, tc := range []struct{ method, path, pattern string }{
		{"GET", "/users", "GET /users"},
		{"GET", "/users/7", "GET /users/{id}"},
		{"POST", "/users/batch", "POST /users/batch"},
		{"GET", "/users/7/accounts", "GET /users/{id}/accounts"},
		{"GET", "/users/7/orders", "GET /users/{id}/orders"},
		{"POST", "/users/7/orders", "POST /users/{id}/orders"},
		{"GET", "/users/7/orders/total", "GET /users/{id}/orders/total"},
		{"POST", "/orders/7/cancel", "POST /orders/{id}/cancel"},
		{"POST", "/transfer", "POST /transfer"},
	} {
		_, got := mux.Handler(httptest.NewRequest(tc.method, tc.path, nil))
		if got != tc.pattern {
			t.Errorf("%s %s: routed to %q, want %q", tc.method, tc.path, got, tc.pattern)
		}
	}

	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{"GET", "/users/abc", http.StatusBadRequest},
		{"DELETE", "/users/7", http.StatusMethodNotAllowed},
		{"POST", "/transfer", http.StatusBadRequest}, // empty body
	} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
		if rec.Code != tc.want {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.path, rec.Code, tc.want)
		}
	}
}
