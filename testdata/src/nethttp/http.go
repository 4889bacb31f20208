// Package http stands in for net/http in the testdata: the declarations
// that its HTTP handlers use, with net/http's names and shapes. With the
// real net/http, every analyzer test would type-check it, and crypto/tls
// and net beneath it (about a hundred packages of the standard library),
// from source, for handlers that only need a request and a writer.
// Import it as http "nethttp".
package http

import (
	"context"
	"net/url"
)

// Header is net/http's Header.
type Header map[string][]string

// ResponseWriter is net/http's ResponseWriter.
type ResponseWriter interface {
	Header() Header
	Write([]byte) (int, error)
	WriteHeader(statusCode int)
}

// Request is the part of net/http's Request the handlers read.
type Request struct {
	Method string
	URL    *url.URL
	ctx    context.Context
}

// Context returns the request's context, never nil.
func (r *Request) Context() context.Context {
	if r.ctx != nil {
		return r.ctx
	}
	return context.Background()
}

// FormValue returns the first value of the named form field.
func (r *Request) FormValue(key string) string { return r.URL.Query().Get(key) }

// A HandlerFunc is a function used as an HTTP handler.
type HandlerFunc func(ResponseWriter, *Request)

// ServeHTTP calls f(w, r).
func (f HandlerFunc) ServeHTTP(w ResponseWriter, r *Request) { f(w, r) }

// Error replies to the request with the error message and HTTP code.
func Error(w ResponseWriter, error string, code int) {
	w.WriteHeader(code)
	w.Write([]byte(error + "\n"))
}

// The methods and status codes the handlers use.
const (
	MethodGet = "GET"

	StatusBadRequest          = 400
	StatusNotFound            = 404
	StatusMethodNotAllowed    = 405
	StatusInternalServerError = 500
	StatusServiceUnavailable  = 503
)
