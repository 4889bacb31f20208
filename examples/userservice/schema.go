// Package userservice holds what the leaky and fixed twins of the example
// service share: the database schema. The twins live in the leaky and fixed
// subpackages, the plain data types in model, and the server in
// cmd/userservice.
package userservice

import _ "embed"

// Schema is the content of schema.sql. Every statement in it is idempotent,
// so it is applied at every start of the server.
//
//go:embed schema.sql
var Schema string
