package fixed

import (
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

// Routes returns the HTTP API of the service.
func (s *Service) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /users", s.handleListUsers)
	mux.HandleFunc("GET /users/{id}", s.handleGetUser)
	mux.HandleFunc("POST /users/batch", s.handleCreateUsers)
	mux.HandleFunc("GET /users/{id}/accounts", s.handleListAccounts)
	mux.HandleFunc("GET /users/{id}/orders", s.handleListOrders)
	mux.HandleFunc("POST /users/{id}/orders", s.handleCreateOrder)
	mux.HandleFunc("GET /users/{id}/orders/total", s.handleOrderTotal)
	mux.HandleFunc("POST /orders/{id}/cancel", s.handleCancelOrder)
	mux.HandleFunc("POST /transfer", s.handleTransfer)
	return mux
}

func (s *Service) handleListUsers(w http.ResponseWriter, r *http.Request) {
	users, err := s.ListUsers(r.Context())
	respond(w, http.StatusOK, users, err)
}

func (s *Service) handleGetUser(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, err)
		return
	}
	u, err := s.GetUser(r.Context(), id)
	respond(w, http.StatusOK, u, err)
}

func (s *Service) handleCreateUsers(w http.ResponseWriter, r *http.Request) {
	var items []model.NewUser
	if err := decode(w, r, &items); err != nil {
		writeError(w, err)
		return
	}
	if len(items) == 0 || len(items) > maxBatch {
		writeError(w, fmt.Errorf("%w: a batch holds 1 to %d users", ErrInvalid, maxBatch))
		return
	}
	results, err := s.CreateUsers(r.Context(), items)
	respond(w, http.StatusOK, results, err)
}

func (s *Service) handleListAccounts(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, err)
		return
	}
	accounts, err := s.ListAccounts(r.Context(), id)
	respond(w, http.StatusOK, accounts, err)
}

func (s *Service) handleListOrders(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, err)
		return
	}
	orders, err := s.ListOrders(r.Context(), id)
	respond(w, http.StatusOK, orders, err)
}

func (s *Service) handleCreateOrder(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, err)
		return
	}
	var in model.NewOrder
	if err := decode(w, r, &in); err != nil {
		writeError(w, err)
		return
	}
	o, err := s.CreateOrder(r.Context(), id, in)
	respond(w, http.StatusCreated, o, err)
}

func (s *Service) handleOrderTotal(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, err)
		return
	}
	total, err := s.OrderTotal(r.Context(), id)
	respond(w, http.StatusOK, map[string]int64{"user_id": id, "total_cents": total}, err)
}

func (s *Service) handleCancelOrder(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, err)
		return
	}
	err = s.CancelOrder(r.Context(), id)
	respond(w, http.StatusOK, map[string]string{"status": "cancelled"}, err)
}

func (s *Service) handleTransfer(w http.ResponseWriter, r *http.Request) {
	var t model.Transfer
	if err := decode(w, r, &t); err != nil {
		writeError(w, err)
		return
	}
	err := s.Transfer(r.Context(), t)
	respond(w, http.StatusOK, map[string]string{"status": "done"}, err)
}

// pathID parses the {id} wildcard of the request's pattern.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%w: bad id %q", ErrInvalid, r.PathValue("id"))
	}
	return id, nil
}

// decode reads a JSON request body of at most 1 MiB into v.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return nil
}

// respond writes v with the given status, or err if it is not nil.
func respond(w http.ResponseWriter, status int, v any, err error) {
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, status, v)
}

func writeError(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	switch {
	case errors.Is(err, ErrInvalid):
		status = http.StatusBadRequest
	case errors.Is(err, ErrNotFound):
		status = http.StatusNotFound
	case errors.Is(err, ErrInsufficientFunds):
		status = http.StatusConflict
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
