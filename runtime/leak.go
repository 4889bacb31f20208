package dbleakrt

import (
	"fmt"
	"strings"
	"time"
)

// Leak describes one held resource: for a [Pool], a connection checked out
// of the pool; for a [DB], a transaction, rows, a statement or a connection
// held by a *sql.Conn. It tells when and where it was acquired and for how
// long it has been held.
//
// [Pool.Held] uses Leak for everything held; the middleware, the scopes,
// the monitor and package pooltest use it for what should have been
// released by then.
type Leak struct {
	// Kind is what is held: KindConn, KindTx, KindRows or KindStmt.
	Kind string
	// AcquiredAt is when the pool handed out the connection.
	AcquiredAt time.Time
	// Held is how long the connection had been held when the Leak was made.
	Held time.Duration
	// PID is the PostgreSQL backend process ID of the connection, for a
	// Pool; zero for a DB, whose driver does not tell it.
	PID uint32
	// Scope is the label of the [Pool.Scope] (for the middleware, the
	// request's method and path) that acquired the connection, if any.
	Scope string
	// Site is the first frame outside pgx, puddle and this package: the line
	// that acquired the connection. It is the zero Frame when stacks are not
	// captured.
	Site Frame
	// Frames is the acquiring call stack, starting at Site. It is empty when
	// stacks are not captured.
	Frames []Frame

	rec *record // what was reported, for Report
}

// Stack returns the acquiring call stack formatted like a Go traceback: the
// function on one line and its file:line, indented by a tab, on the next.
func (l Leak) Stack() string {
	var b strings.Builder
	for _, f := range l.Frames {
		fmt.Fprintf(&b, "%s\n\t%s\n", f.Function, f.Location())
	}
	return b.String()
}

// String returns a human-readable report of the form
//
//	connection acquired by F at file:line, held 1.3s, acquire stack:
//	F
//		file:line
//	...
func (l Leak) String() string {
	held := l.Held.Round(time.Millisecond)
	kind := l.Kind
	if kind == "" {
		kind = KindConn
	}
	if len(l.Frames) == 0 {
		return fmt.Sprintf("%s acquired at an unknown site (stack capture is off), held %v", kind, held)
	}
	return fmt.Sprintf("%s acquired by %s at %s, held %v, acquire stack:\n%s",
		kind, l.Site.Function, l.Site.Location(), held, l.Stack())
}
