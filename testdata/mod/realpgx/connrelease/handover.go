package connrelease

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

type driver struct {
	conn *sql.Conn
}

// The struct holding the connection escapes only by the last return:
// the early return leaks it.
func openDriver(ctx context.Context, db *sql.DB) (*driver, error) {
	conn, err := db.Conn(ctx) // want `^connection conn from db\.Conn is not closed on the path that returns at handover\.go:23; defer conn\.Close\(\) after the error check$`
	if err != nil {
		return nil, err
	}
	d := &driver{conn: conn}
	if err := conn.PingContext(ctx); err != nil {
		return nil, err
	}
	return d, nil
}

// Clean twin: closed where the driver is not returned.
func openDriverClosing(ctx context.Context, db *sql.DB) (*driver, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	d := &driver{conn: conn}
	if err := conn.PingContext(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return d, nil
}

type session struct {
	conn *pgxpool.Conn
}

// newSession keeps the connection only when it succeeds.
func newSession(ctx context.Context, conn *pgxpool.Conn) (*session, error) {
	if _, err := conn.Exec(ctx, "SET search_path = app"); err != nil {
		return nil, err
	}
	return &session{conn: conn}, nil
}

func startSession(ctx context.Context, pool *pgxpool.Pool) (*session, error) {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path where newSession fails at handover\.go:59 and returns at handover\.go:61; release conn where newSession fails: it keeps conn only when it succeeds$`
	if err != nil {
		return nil, err
	}
	s, err := newSession(ctx, conn)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Clean twin: released when newSession fails.
func startSessionReleasing(ctx context.Context, pool *pgxpool.Pool) (*session, error) {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	s, err := newSession(ctx, conn)
	if err != nil {
		conn.Release()
		return nil, err
	}
	return s, nil
}
