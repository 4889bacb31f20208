package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/dbleaklint/dbleaklint/examples/userservice/api"
	"github.com/dbleaklint/dbleaklint/examples/userservice/model"
)

// fakeStore is a Store without a database: each method records that it was
// called and returns zero values with err.
type fakeStore struct {
	calls []string
	err   error
}

func (f *fakeStore) call(name string) error {
	f.calls = append(f.calls, name)
	return f.err
}

func (f *fakeStore) ListUsers(context.Context) ([]model.User, error) {
	return []model.User{}, f.call("ListUsers")
}

func (f *fakeStore) GetUser(_ context.Context, id int64) (model.User, error) {
	return model.User{ID: id}, f.call("GetUser")
}

func (f *fakeStore) CreateUsers(_ context.Context, items []model.NewUser) ([]model.BatchResult, error) {
	return make([]model.BatchResult, len(items)), f.call("CreateUsers")
}

func (f *fakeStore) ListAccounts(context.Context, int64) ([]model.Account, error) {
	return []model.Account{}, f.call("ListAccounts")
}

func (f *fakeStore) ListOrders(context.Context, int64) ([]model.Order, error) {
	return []model.Order{}, f.call("ListOrders")
}

func (f *fakeStore) CreateOrder(_ context.Context, userID int64, in model.NewOrder) (model.Order, error) {
	return model.Order{UserID: userID, AmountCents: in.AmountCents}, f.call("CreateOrder")
}

func (f *fakeStore) OrderTotal(context.Context, int64) (int64, error) {
	return 0, f.call("OrderTotal")
}

func (f *fakeStore) CancelOrder(context.Context, int64) error {
	return f.call("CancelOrder")
}

func (f *fakeStore) Transfer(context.Context, model.Transfer) error {
	return f.call("Transfer")
}

func (f *fakeStore) Deposit(_ context.Context, id int64, _ model.Deposit) (model.User, error) {
	return model.User{ID: id}, f.call("Deposit")
}

// TestRoutes checks, without a database, that each endpoint of the API is
// routed to a pattern, and that malformed requests are refused before any
// query would run.
func TestRoutes(t *testing.T) {
	store := &fakeStore{}
	mux, ok := api.Routes(store).(*http.ServeMux)
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
		{"POST", "/users/7/deposit", "POST /users/{id}/deposit"},
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
	if len(store.calls) > 0 {
		t.Errorf("malformed requests reached the store: %v", store.calls)
	}
}

// TestHandlers checks that each route calls its Store method, and maps the
// errors of the store to status codes.
func TestHandlers(t *testing.T) {
	for _, tc := range []struct {
		method, path, body string
		err                error
		want               int
		call               string // the Store method it calls, if any
	}{
		{"GET", "/users", "", nil, http.StatusOK, "ListUsers"},
		{"GET", "/users/7", "", nil, http.StatusOK, "GetUser"},
		{"POST", "/users/batch", `[{"email":"a@example.com","name":"A"}]`, nil, http.StatusOK, "CreateUsers"},
		{"GET", "/users/7/accounts", "", nil, http.StatusOK, "ListAccounts"},
		{"GET", "/users/7/orders", "", nil, http.StatusOK, "ListOrders"},
		{"POST", "/users/7/orders", `{"amount_cents":300}`, nil, http.StatusCreated, "CreateOrder"},
		{"GET", "/users/7/orders/total", "", nil, http.StatusOK, "OrderTotal"},
		{"POST", "/orders/7/cancel", "", nil, http.StatusOK, "CancelOrder"},
		{"POST", "/transfer", `{"from_account":2,"to_account":1,"amount_cents":100}`, nil, http.StatusOK, "Transfer"},
		{"POST", "/users/7/deposit", `{"amount_cents":100}`, nil, http.StatusOK, "Deposit"},

		// Errors of the store, bare or wrapped.
		{"GET", "/users/7", "", model.ErrNotFound, http.StatusNotFound, "GetUser"},
		{"POST", "/transfer", `{"from_account":2,"to_account":1,"amount_cents":100}`,
			model.ErrInsufficientFunds, http.StatusConflict, "Transfer"},
		{"POST", "/users/7/orders", `{"amount_cents":0}`,
			fmt.Errorf("%w: amount must be positive", model.ErrInvalid), http.StatusBadRequest, "CreateOrder"},
		{"POST", "/orders/7/cancel", "", errors.New("connection refused"), http.StatusInternalServerError, "CancelOrder"},
		{"GET", "/users/7", "", fmt.Errorf("acquire connection: %w", context.DeadlineExceeded),
			http.StatusServiceUnavailable, "GetUser"},

		// Refused before the store is called.
		{"POST", "/users/batch", `[]`, nil, http.StatusBadRequest, ""},
		{"POST", "/users/7/orders", `{"amount_cents":300,"extra":1}`, nil, http.StatusBadRequest, ""},
		{"GET", "/users/0/orders", "", nil, http.StatusBadRequest, ""},
	} {
		store := &fakeStore{err: tc.err}
		rec := httptest.NewRecorder()
		api.Routes(store).ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body)))
		if rec.Code != tc.want {
			t.Errorf("%s %s %s: status %d, want %d; body %s", tc.method, tc.path, tc.body, rec.Code, tc.want, rec.Body)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s %s: Content-Type %q, want application/json", tc.method, tc.path, ct)
		}
		var want []string
		if tc.call != "" {
			want = []string{tc.call}
		}
		if fmt.Sprint(store.calls) != fmt.Sprint(want) {
			t.Errorf("%s %s: store calls %v, want %v", tc.method, tc.path, store.calls, want)
		}
		// A 503 reaches the OnUnavailable hook with the store's error.
		var unavailable error
		rec = httptest.NewRecorder()
		store.calls = nil
		api.RoutesWithOptions(store, api.Options{OnUnavailable: func(_ *http.Request, err error) { unavailable = err }}).
			ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body)))
		if (tc.want == http.StatusServiceUnavailable) != (unavailable != nil) ||
			(unavailable != nil && !errors.Is(unavailable, context.DeadlineExceeded)) {
			t.Errorf("%s %s: OnUnavailable got %v for status %d", tc.method, tc.path, unavailable, rec.Code)
		}
		// An unexpected error is logged, not shown to the client.
		if tc.want == http.StatusInternalServerError && strings.Contains(rec.Body.String(), tc.err.Error()) {
			t.Errorf("%s %s: body %s shows the internal error", tc.method, tc.path, rec.Body)
		}
	}
}
