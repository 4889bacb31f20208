// Package handover holds ownership handed over on some paths only:
// storing a resource into a struct, capturing it in a closure or passing
// it to a callee that keeps it transfers ownership from that instruction
// on; every exit reached before it still leaks.
package handover

import (
	"context"
	"database/sql"
	"errors"
)

type Driver struct {
	conn *sql.Conn
}

func (d *Driver) ensureVersionTable() error {
	_, err := d.conn.ExecContext(context.Background(), "CREATE TABLE IF NOT EXISTS v (n int)")
	return err
}

// The struct holding the connection escapes only by the last return.
func Open(ctx context.Context, db *sql.DB) (*Driver, error) {
	conn, err := db.Conn(ctx) // want `connection conn from db.Conn is not closed on the path that returns at handover.go:30`
	if err != nil {
		return nil, err
	}
	d := &Driver{conn: conn}
	if err := d.ensureVersionTable(); err != nil {
		return nil, err
	}
	return d, nil
}

// The clean twin: the connection is closed where the driver is not
// returned.
func OpenClosing(ctx context.Context, db *sql.DB) (*Driver, error) {
	conn, err := db.Conn(ctx) // ok
	if err != nil {
		return nil, err
	}
	d := &Driver{conn: conn}
	if err := d.ensureVersionTable(); err != nil {
		conn.Close()
		return nil, err
	}
	return d, nil
}

// Stored into a field of a value that escapes at once: handed over.
func (d *Driver) Reconnect(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // ok
	if err != nil {
		return err
	}
	d.conn = conn
	return nil
}

// An exit before the hand-over to a field still leaks.
func (d *Driver) ReconnectChecked(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `connection conn from db.Conn is not closed on the path that returns at handover.go:67`
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		return err
	}
	d.conn = conn
	return nil
}

// B. A callee that keeps the connection on success only.
func WithConnection(ctx context.Context, conn *sql.Conn) (*Driver, error) {
	d := &Driver{conn: conn}
	if err := d.ensureVersionTable(); err != nil {
		return nil, err
	}
	return d, nil
}

func OpenVia(ctx context.Context, db *sql.DB) (*Driver, error) {
	conn, err := db.Conn(ctx) // want `^connection conn from db\.Conn is not closed on the path where WithConnection fails at handover\.go:87 and returns at handover\.go:89; release conn where WithConnection fails: it keeps conn only when it succeeds$`
	if err != nil {
		return nil, err
	}
	drv, err := WithConnection(ctx, conn)
	if err != nil {
		return nil, err
	}
	return drv, nil
}

// The clean twin: closed when the callee fails.
func OpenViaClosing(ctx context.Context, db *sql.DB) (*Driver, error) {
	conn, err := db.Conn(ctx) // ok
	if err != nil {
		return nil, err
	}
	drv, err := WithConnection(ctx, conn)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return drv, nil
}

// A callee that really takes ownership on every path.
func adopt(conn *sql.Conn) *Driver {
	return &Driver{conn: conn}
}

func OpenAdopted(ctx context.Context, db *sql.DB) (*Driver, error) {
	conn, err := db.Conn(ctx) // ok
	if err != nil {
		return nil, err
	}
	return adopt(conn), nil
}

// A local slice of connections closed in a loop at the end releases
// each, on the paths that reach the loop.
func pingAll(ctx context.Context, db *sql.DB, n int) error {
	var conns []*sql.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := 0; i < n; i++ {
		c, err := db.Conn(ctx) // ok
		if err != nil {
			return err
		}
		conns = append(conns, c)
	}
	return nil
}

var errClosed = errors.New("closed")

// A method that stores the connection into its receiver on success
// only.
func (d *Driver) attach(ctx context.Context, conn *sql.Conn) error {
	if err := conn.PingContext(ctx); err != nil {
		return err
	}
	d.conn = conn
	return nil
}

func (d *Driver) Attach(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `^connection conn from db\.Conn is not closed on the path where d\.attach fails at handover\.go:\d+ and returns at handover\.go:\d+; release conn where d\.attach fails: it keeps conn only when it succeeds$`
	if err != nil {
		return err
	}
	if err := d.attach(ctx, conn); err != nil {
		return err
	}
	return nil
}

func (d *Driver) AttachClosing(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // ok
	if err != nil {
		return err
	}
	if err := d.attach(ctx, conn); err != nil {
		conn.Close()
		return err
	}
	return nil
}
