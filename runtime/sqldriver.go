package dbleakrt

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"runtime"
	"strings"
	"sync/atomic"
)

// The database/sql side wraps the application's driver.Connector. database/sql
// gives a driver no hook for taking a connection out of its pool or putting
// it back, but it calls two optional methods at exactly those moments:
// SessionResetter.ResetSession before reusing a pooled connection, and
// Validator.IsValid before returning one to the pool. The wrapping
// connection therefore always implements both, doing what database/sql does
// when a driver lacks them (nothing, and "valid") where the wrapped
// connection lacks them. Transactions, rows and statements are tracked from
// the driver call that makes them to the one that ends them.
//
// The other optional interfaces are passed through. Those whose absence has
// a documented equivalent (QueryerContext and ExecerContext return
// driver.ErrSkip; ConnBeginTx, ConnPrepareContext and the statement's
// context methods do what database/sql does with the legacy method; Pinger
// does nothing; RowsNextResultSet has no next set; the column type methods
// return database/sql's defaults) are always implemented and fall back so.
// NamedValueChecker and ColumnConverter, whose mere presence changes how
// database/sql converts arguments, are implemented exactly when the wrapped
// value implements them, by one wrapper type per combination.

// sqlInternal are the function-name prefixes of database/sql's frames; the
// driver's package is added per DB.
var sqlInternal = []string{"database/sql.", "github.com/jmoiron/sqlx."}

// sqlTracker tracks one *sql.DB. It is the owner of its records.
type sqlTracker struct {
	*book
}

// connector wraps the application's connector.
type connector struct {
	c driver.Connector
	t *sqlTracker
}

// closingConnector is a connector whose wrapped connector is an io.Closer,
// which sql.DB.Close calls.
type closingConnector struct{ *connector }

func (c closingConnector) Close() error { return c.c.(io.Closer).Close() }

func wrapConnector(c driver.Connector, t *sqlTracker) driver.Connector {
	wc := &connector{c: c, t: t}
	if _, ok := c.(io.Closer); ok {
		return closingConnector{wc}
	}
	return wc
}

// Connect implements driver.Connector. A connection opened for a caller is
// checked out to it at once; one opened in the background by database/sql's
// connection opener goes to the pool first.
func (c *connector) Connect(ctx context.Context) (driver.Conn, error) {
	ci, err := c.c.Connect(ctx)
	if err != nil {
		return nil, err
	}
	cn := c.t.wrapConn(ci)
	if !fromOpener() {
		c.t.checkout(ctx, cn.base())
	}
	return cn, nil
}

// Driver implements driver.Connector.
func (c *connector) Driver() driver.Driver { return c.c.Driver() }

// fromOpener reports whether the caller runs in database/sql's background
// connection opener.
func fromOpener() bool {
	var pcs [16]uintptr
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs[:])])
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "database/sql.(*DB).connectionOpener") {
			return true
		}
		if !more {
			return false
		}
	}
}

// checkout records that cn was taken out of the pool with ctx. A record of
// an earlier checkout that was never seen returned is replaced.
func (t *sqlTracker) checkout(ctx context.Context, cn *conn) {
	rec := t.newRecord(ctx, t, KindConn)
	t.remove(cn)
	t.checkNested(rec)
	cn.cur.Store(rec)
	t.add(cn, rec)
}

// checkin records that cn went back to the pool, or was closed.
func (t *sqlTracker) checkin(cn *conn) {
	cn.cur.Store(nil)
	t.remove(cn)
}

// track records a transaction, rows or statement made on cn with ctx.
func (t *sqlTracker) track(ctx context.Context, key any, kind string, cn *conn) {
	rec := t.newRecord(ctx, t, kind)
	if cn != nil {
		rec.conn = cn.cur.Load()
	}
	t.add(key, rec)
}

// conn wraps a driver.Conn.
type conn struct {
	ci  driver.Conn
	t   *sqlTracker
	cur atomic.Pointer[record] // the current checkout, or nil
}

// checkingConn is a conn whose driver.Conn is a driver.NamedValueChecker.
type checkingConn struct{ *conn }

func (c checkingConn) CheckNamedValue(nv *driver.NamedValue) error {
	return c.ci.(driver.NamedValueChecker).CheckNamedValue(nv)
}

// connOf is what the two conn types share.
type connOf interface {
	driver.Conn
	base() *conn
}

func (c *conn) base() *conn { return c }

func (t *sqlTracker) wrapConn(ci driver.Conn) connOf {
	c := &conn{ci: ci, t: t}
	if _, ok := ci.(driver.NamedValueChecker); ok {
		return checkingConn{c}
	}
	return c
}

// used marks c checked out if no checkout was seen: a connection opened by
// database/sql's opener and handed straight to a waiting caller.
func (c *conn) used(ctx context.Context) {
	if c.cur.Load() == nil {
		c.t.checkout(ctx, c)
	}
}

// Prepare implements driver.Conn.
func (c *conn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

// Close implements driver.Conn.
func (c *conn) Close() error {
	c.t.checkin(c)
	return c.ci.Close()
}

// Begin implements driver.Conn.
func (c *conn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// BeginTx implements driver.ConnBeginTx.
func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	c.used(ctx)
	var txi driver.Tx
	var err error
	if bt, ok := c.ci.(driver.ConnBeginTx); ok {
		txi, err = bt.BeginTx(ctx, opts)
	} else {
		txi, err = legacyBegin(ctx, c.ci, opts)
	}
	if err != nil {
		return nil, err
	}
	w := &tx{tx: txi, t: c.t}
	c.t.track(ctx, w, KindTx, c)
	return w, nil
}

// legacyBegin begins a transaction as database/sql does on a connection
// without ConnBeginTx.
func legacyBegin(ctx context.Context, ci driver.Conn, opts driver.TxOptions) (driver.Tx, error) {
	if opts.Isolation != 0 {
		return nil, errors.New("sql: driver does not support non-default isolation level")
	}
	if opts.ReadOnly {
		return nil, errors.New("sql: driver does not support read-only transactions")
	}
	//lint:ignore SA1019 the legacy method is the fallback
	txi, err := ci.Begin()
	if err == nil && ctx.Err() != nil {
		_ = txi.Rollback()
		return nil, ctx.Err()
	}
	return txi, err
}

// PrepareContext implements driver.ConnPrepareContext.
func (c *conn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	c.used(ctx)
	var si driver.Stmt
	var err error
	if pc, ok := c.ci.(driver.ConnPrepareContext); ok {
		si, err = pc.PrepareContext(ctx, query)
	} else if si, err = c.ci.Prepare(query); err == nil && ctx.Err() != nil {
		_ = si.Close()
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	s := c.t.wrapStmt(si, c)
	c.t.track(ctx, s.base(), KindStmt, c)
	return s, nil
}

// QueryContext implements driver.QueryerContext.
func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	c.used(ctx)
	var ri driver.Rows
	var err error
	switch q := c.ci.(type) {
	case driver.QueryerContext:
		ri, err = q.QueryContext(ctx, query, args)
	//lint:ignore SA1019 the legacy interface is the fallback
	case driver.Queryer:
		var values []driver.Value
		if values, err = namedToValues(args); err == nil {
			ri, err = q.Query(query, values)
		}
	default:
		return nil, driver.ErrSkip
	}
	if err != nil {
		return nil, err
	}
	return c.t.wrapRows(ctx, ri, c), nil
}

// ExecContext implements driver.ExecerContext.
func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	c.used(ctx)
	switch e := c.ci.(type) {
	case driver.ExecerContext:
		return e.ExecContext(ctx, query, args)
	//lint:ignore SA1019 the legacy interface is the fallback
	case driver.Execer:
		values, err := namedToValues(args)
		if err != nil {
			return nil, err
		}
		return e.Exec(query, values)
	}
	return nil, driver.ErrSkip
}

// Ping implements driver.Pinger.
func (c *conn) Ping(ctx context.Context) error {
	c.used(ctx)
	if p, ok := c.ci.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

// ResetSession implements driver.SessionResetter. database/sql calls it
// when it takes a used connection out of its pool: a checkout.
func (c *conn) ResetSession(ctx context.Context) error {
	c.t.checkout(ctx, c)
	if r, ok := c.ci.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

// IsValid implements driver.Validator. database/sql calls it when a
// connection goes back to its pool: a checkin.
func (c *conn) IsValid() bool {
	c.t.checkin(c)
	if v, ok := c.ci.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

// namedToValues converts arguments for a legacy method as database/sql
// does.
func namedToValues(named []driver.NamedValue) ([]driver.Value, error) {
	values := make([]driver.Value, len(named))
	for i, nv := range named {
		if nv.Name != "" {
			return nil, errors.New("sql: driver does not support the use of Named Parameters")
		}
		values[i] = nv.Value
	}
	return values, nil
}

// tx wraps a driver.Tx.
type tx struct {
	tx driver.Tx
	t  *sqlTracker
}

// Commit implements driver.Tx.
func (x *tx) Commit() error {
	x.t.remove(x)
	return x.tx.Commit()
}

// Rollback implements driver.Tx.
func (x *tx) Rollback() error {
	x.t.remove(x)
	return x.tx.Rollback()
}
