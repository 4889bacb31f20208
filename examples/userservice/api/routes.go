// Package api is the HTTP API of the userservice example. Routes serves it
// over any Store: the leaky and fixed twins implement Store with the same
// queries, done wrong and right.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strconv"

	"github.com/dbleaklint/dbleaklint/examples/userservice/model"
)

// maxBatch is the most users one POST /users/batch may create.
const maxBatch = 100

// Store is the data layer the handlers call. Its methods return
// model.ErrInvalid, model.ErrNotFound and model.ErrInsufficientFunds (or
// errors wrapping them) for the answers 400, 404 and 409, and errors
// wrapping context.DeadlineExceeded (the request's deadline passed, most
// often waiting for a pooled connection) for 503; any other error is
// logged and answered with 500.
type Store interface {
	ListUsers(ctx context.Context) ([]model.User, error)
	GetUser(ctx context.Context, id int64) (model.User, error)
	CreateUsers(ctx context.Context, items []model.NewUser) ([]model.BatchResult, error)
	ListAccounts(ctx context.Context, userID int64) ([]model.Account, error)
	ListOrders(ctx context.Context, userID int64) ([]model.Order, error)
	CreateOrder(ctx context.Context, userID int64, in model.NewOrder) (model.Order, error)
	OrderTotal(ctx context.Context, userID int64) (int64, error)
	CancelOrder(ctx context.Context, orderID int64) error
	Transfer(ctx context.Context, t model.Transfer) error
	Deposit(ctx context.Context, userID int64, in model.Deposit) (model.User, error)
}

// Options configures RoutesWithOptions.
type Options struct {
	// OnUnavailable, when not nil, is called with the store's error of each
	// request answered 503 (a context deadline, most often the wait for a
	// pooled connection), before the answer is written.
	OnUnavailable func(r *http.Request, err error)
}

// Routes returns the HTTP API of the service over s.
func Routes(s Store) http.Handler {
	return RoutesWithOptions(s, Options{})
}

// RoutesWithOptions returns the HTTP API of the service over s, configured
// by opts.
func RoutesWithOptions(s Store, opts Options) http.Handler {
	h := handlers{s: s, opts: opts}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /users", h.handleListUsers)
	mux.HandleFunc("GET /users/{id}", h.handleGetUser)
	mux.HandleFunc("POST /users/batch", h.handleCreateUsers)
	mux.HandleFunc("GET /users/{id}/accounts", h.handleListAccounts)
	mux.HandleFunc("GET /users/{id}/orders", h.handleListOrders)
	mux.HandleFunc("POST /users/{id}/orders", h.handleCreateOrder)
	mux.HandleFunc("GET /users/{id}/orders/total", h.handleOrderTotal)
	mux.HandleFunc("POST /orders/{id}/cancel", h.handleCancelOrder)
	mux.HandleFunc("POST /transfer", h.handleTransfer)
	mux.HandleFunc("POST /users/{id}/deposit", h.handleDeposit)
	return mux
}

// handlers holds the HTTP handlers of the API, each over one Store method.
type handlers struct {
	s    Store
	opts Options
}

func (h handlers) handleListUsers(w http.ResponseWriter, r *http.Request) {
	users, err := h.s.ListUsers(r.Context())
	h.respond(w, r, http.StatusOK, users, err)
}

func (h handlers) handleGetUser(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	u, err := h.s.GetUser(r.Context(), id)
	h.respond(w, r, http.StatusOK, u, err)
}

func (h handlers) handleCreateUsers(w http.ResponseWriter, r *http.Request) {
	var items []model.NewUser
	if err := decode(w, r, &items); err != nil {
		h.writeError(w, r, err)
		return
	}
	if len(items) == 0 || len(items) > maxBatch {
		h.writeError(w, r, fmt.Errorf("%w: a batch holds 1 to %d users", model.ErrInvalid, maxBatch))
		return
	}
	results, err := h.s.CreateUsers(r.Context(), items)
	h.respond(w, r, http.StatusOK, results, err)
}

func (h handlers) handleListAccounts(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	accounts, err := h.s.ListAccounts(r.Context(), id)
	h.respond(w, r, http.StatusOK, accounts, err)
}

func (h handlers) handleListOrders(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	orders, err := h.s.ListOrders(r.Context(), id)
	h.respond(w, r, http.StatusOK, orders, err)
}

func (h handlers) handleCreateOrder(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var in model.NewOrder
	if err := decode(w, r, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	o, err := h.s.CreateOrder(r.Context(), id, in)
	h.respond(w, r, http.StatusCreated, o, err)
}

func (h handlers) handleOrderTotal(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	total, err := h.s.OrderTotal(r.Context(), id)
	h.respond(w, r, http.StatusOK, map[string]int64{"user_id": id, "total_cents": total}, err)
}

func (h handlers) handleCancelOrder(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	err = h.s.CancelOrder(r.Context(), id)
	h.respond(w, r, http.StatusOK, map[string]string{"status": "cancelled"}, err)
}

func (h handlers) handleTransfer(w http.ResponseWriter, r *http.Request) {
	var t model.Transfer
	if err := decode(w, r, &t); err != nil {
		h.writeError(w, r, err)
		return
	}
	err := h.s.Transfer(r.Context(), t)
	h.respond(w, r, http.StatusOK, map[string]string{"status": "done"}, err)
}

func (h handlers) handleDeposit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var in model.Deposit
	if err := decode(w, r, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	u, err := h.s.Deposit(r.Context(), id, in)
	h.respond(w, r, http.StatusOK, u, err)
}

// pathID parses the {id} wildcard of the request's pattern.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%w: bad id %q", model.ErrInvalid, r.PathValue("id"))
	}
	return id, nil
}

// decode reads a JSON request body of at most 1 MiB into v.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %v", model.ErrInvalid, err)
	}
	return nil
}

// respond writes v with the given status, or err if it is not nil.
func (h handlers) respond(w http.ResponseWriter, r *http.Request, status int, v any, err error) {
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeJSON(w, status, v)
}

func (h handlers) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	switch {
	case errors.Is(err, model.ErrInvalid):
		status = http.StatusBadRequest
	case errors.Is(err, model.ErrNotFound):
		status = http.StatusNotFound
	case errors.Is(err, model.ErrInsufficientFunds):
		status = http.StatusConflict
	case errors.Is(err, context.DeadlineExceeded):
		// Most often the wait for a pooled connection: the pool is
		// exhausted, by load or by leaks.
		status = http.StatusServiceUnavailable
		if h.opts.OnUnavailable != nil {
			h.opts.OnUnavailable(r, err)
		}
		err = errors.New("timed out waiting for the database")
	default:
		log.Printf("userservice: %v", err)
		err = errors.New("internal error")
	}
	writeJSON(w, status, map[string]string{"error": err.Error()})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("userservice: write response: %v", err)
	}
}
