package dbleakrt

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"log/slog"
	"reflect"
	"slices"
	"time"
)

// DB is a [sql.DB] whose connections, transactions, rows and statements
// are tracked from the call that made them until they are closed, committed
// or rolled back. It offers the same tracking API as [Pool]: Held, Stat,
// Monitor, Middleware, Scope, Report, Nested, Explain, WithConn, WithTx and
// a Close that takes a deadline. It is safe for concurrent use.
//
// Use [DB.SQL] for everything database/sql offers: what is made through it
// is tracked all the same.
type DB struct {
	core
	db *sql.DB
}

// OpenDB opens a tracked database from a driver.Connector, like
// [sql.OpenDB], with stack capture on, after applying opts. The options get
// a Config whose pgxpool part is nil: only the tracking fields
// (CaptureStacks, StackDepth, OnLeak, Logger, TrackGoroutines) apply;
// configure database/sql's pool on [DB.SQL].
func OpenDB(c driver.Connector, opts ...Option) (*DB, error) {
	if c == nil {
		return nil, errors.New("dbleakrt: OpenDB of a nil connector")
	}
	switch c.(type) {
	case *connector, closingConnector:
		return nil, ErrAlreadyInstrumented
	}
	cfg := &Config{CaptureStacks: true, StackDepth: DefaultStackDepth}
	for _, opt := range opts {
		opt(cfg)
	}
	internal := slices.Concat(sqlInternal, []string{pkgPrefix(c), pkgPrefix(c.Driver())})
	t := &sqlTracker{book: newBook(cfg, internal...)}
	d := &DB{db: sql.OpenDB(wrapConnector(c, t))}
	d.core = core{
		book: t.book, owner: t,
		stats: func() []slog.Attr { return d.Stat().attrs() },
		usage: func() (int, int) {
			s := d.db.Stats()
			return s.InUse, s.MaxOpenConnections
		},
	}
	return d, nil
}

// Open opens a tracked database from a registered driver's name and a data
// source name, like [sql.Open]: through the driver's connector when it is
// a driver.DriverContext, else through one that calls its Open. Like
// sql.Open, it does not connect.
func Open(driverName, dsn string, opts ...Option) (*DB, error) {
	probe, err := sql.Open(driverName, dsn)
	if err != nil {
		return nil, err
	}
	drv := probe.Driver()
	_ = probe.Close() // never connected
	var c driver.Connector = dsnConnector{dsn: dsn, drv: drv}
	if dc, ok := drv.(driver.DriverContext); ok {
		if c, err = dc.OpenConnector(dsn); err != nil {
			return nil, err
		}
	}
	return OpenDB(c, opts...)
}

// dsnConnector connects through a driver.Driver that is not a
// driver.DriverContext, as database/sql does.
type dsnConnector struct {
	dsn string
	drv driver.Driver
}

func (c dsnConnector) Connect(context.Context) (driver.Conn, error) { return c.drv.Open(c.dsn) }
func (c dsnConnector) Driver() driver.Driver                        { return c.drv }

// pkgPrefix returns the function-name prefix of the package that declares
// v's type.
func pkgPrefix(v any) string {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.PkgPath() == "" {
		return "\x00" // matches no function
	}
	return t.PkgPath() + "."
}

// SQL returns the underlying database handle.
func (d *DB) SQL() *sql.DB {
	return d.db
}

// Close closes the database to new work, like [sql.DB.Close], and waits
// until everything checked out has been returned, or until ctx is done. In
// the second case it returns a *CloseError naming what is still held,
// grouped by the line that acquired it. Connections still held are closed
// by database/sql when they are returned. See [Pool.Close] for how to pair
// it with [http.Server.Shutdown].
func (d *DB) Close(ctx context.Context) error {
	err := d.db.Close()
	for pause := time.Millisecond; ; pause = min(2*pause, 100*time.Millisecond) {
		if len(d.connHolders()) == 0 {
			return err
		}
		select {
		case <-ctx.Done():
			ce := &CloseError{Err: ctx.Err(), Holders: d.book.leaks(d.connHolders())}
			if len(ce.Holders) == 0 {
				return err
			}
			return errors.Join(ce, err)
		case <-time.After(pause):
		}
	}
}

// Explain returns err wrapped in an *ExhaustedError naming every holder of
// the database's connections when err is an acquisition that gave up at its
// context's deadline or cancellation while all SetMaxOpenConns connections
// were in use; otherwise it returns err unchanged. Use it on the errors of
// calls made through [DB.SQL]; WithConn and WithTx do it themselves. An
// unbounded database (no SetMaxOpenConns) is never exhausted.
func (d *DB) Explain(err error) error {
	return d.explain(err)
}
