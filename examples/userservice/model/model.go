// Package model holds the plain data types and the errors of the userservice
// example, shared by its leaky and fixed twins and its HTTP API.
package model

import "time"

// User is a row of the users table, with the sum of the balances of the
// user's accounts.
type User struct {
	ID           int64     `json:"id" db:"id"`
	Email        string    `json:"email" db:"email"`
	Name         string    `json:"name" db:"name"`
	CreatedAt    time.Time `json:"created_at" db:"created_at"`
	BalanceCents int64     `json:"balance_cents" db:"balance_cents"`
}

// NewUser is one item of a POST /users/batch request: a user to create
// together with an opening account.
type NewUser struct {
	Email               string `json:"email"`
	Name                string `json:"name"`
	InitialBalanceCents int64  `json:"initial_balance_cents"`
}

// BatchResult tells what became of one item of a batch: the new user's ID, or
// the error that made it fail.
type BatchResult struct {
	Email string `json:"email"`
	ID    int64  `json:"id,omitempty"`
	Error string `json:"error,omitempty"`
}

// Account is a row of the accounts table.
type Account struct {
	ID           int64 `json:"id"`
	UserID       int64 `json:"user_id"`
	BalanceCents int64 `json:"balance_cents"`
}

// Order is a row of the orders table.
type Order struct {
	ID          int64     `json:"id"`
	UserID      int64     `json:"user_id"`
	AmountCents int64     `json:"amount_cents"`
	Status      string    `json:"status"`
	CreatedAt   time.Time `json:"created_at"`
}

// NewOrder is the body of a POST /users/{id}/orders request.
type NewOrder struct {
	AmountCents int64 `json:"amount_cents"`
}

// Deposit is the body of a POST /users/{id}/deposit request: add
// AmountCents to the user's first account.
type Deposit struct {
	AmountCents int64 `json:"amount_cents"`
}

// Transfer is the body of a POST /transfer request: move AmountCents from one
// account to another.
type Transfer struct {
	FromAccount int64 `json:"from_account"`
	ToAccount   int64 `json:"to_account"`
	AmountCents int64 `json:"amount_cents"`
}
