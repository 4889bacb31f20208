package model

import "errors"

// Errors the services return for the HTTP API to map to status codes
// (400, 404 and 409). Wrapped errors map too: the API tests with errors.Is.
var (
	ErrNotFound          = errors.New("not found")
	ErrInvalid           = errors.New("invalid request")
	ErrInsufficientFunds = errors.New("insufficient funds")
)
