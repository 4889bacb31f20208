// Package connrelease holds connrelease cases against the real pgx v5,
// pgxpool and database/sql: each leak has a clean twin below it.
package connrelease

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var errNotFound = errors.New("not found")

// The "not found" return keeps the pool connection checked out.
func email(ctx context.Context, pool *pgxpool.Pool, id int64) (string, error) {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path that returns at connrelease\.go:26; defer conn\.Release\(\) after the error check$`
	if err != nil {
		return "", err
	}
	var e string
	if err := conn.QueryRow(ctx, "SELECT email FROM users WHERE id = $1", id).Scan(&e); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			// The pgx row is scanned, so only the connection leaks.
			return "", errNotFound
		}
		conn.Release()
		return "", err
	}
	conn.Release()
	return e, nil
}

// Clean twin: defer conn.Release().
func emailDefer(ctx context.Context, pool *pgxpool.Pool, id int64) (string, error) {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Release()
	var e string
	if err := conn.QueryRow(ctx, "SELECT email FROM users WHERE id = $1", id).Scan(&e); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return "", errNotFound
		}
		return "", err
	}
	return e, nil
}

// Clean twin: AcquireFunc releases the connection.
func emailFunc(ctx context.Context, pool *pgxpool.Pool, id int64) (string, error) {
	var e string
	err := pool.AcquireFunc(ctx, func(conn *pgxpool.Conn) error {
		return conn.QueryRow(ctx, "SELECT email FROM users WHERE id = $1", id).Scan(&e)
	})
	return e, err
}

// A direct pgx connection that is never closed when Ping fails.
func ping(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn) // want `^connection conn from pgx\.Connect is not closed on the path that returns at connrelease\.go:68; defer conn\.Close\(ctx\) after the error check$`
	if err != nil {
		return err
	}
	if err := conn.Ping(ctx); err != nil {
		return err
	}
	return conn.Close(ctx)
}

// Clean twin: defer conn.Close(ctx).
func pingDefer(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	return conn.Ping(ctx)
}

// A database/sql connection kept when the session setting fails.
func withSession(ctx context.Context, db *sql.DB) error {
	c, err := db.Conn(ctx) // want `^connection c from db\.Conn is not closed on the path that returns at connrelease\.go:90; defer c\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	if _, err := c.ExecContext(ctx, "SET search_path TO app"); err != nil {
		return err
	}
	return c.Close()
}

// Clean twin: defer c.Close().
func withSessionDefer(ctx context.Context, db *sql.DB) error {
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.ExecContext(ctx, "SET search_path TO app")
	return err
}

// A connection hijacked from the pool is the caller's to close: here
// it is not, when Ping fails.
func pingHijacked(ctx context.Context, pool *pgxpool.Pool) error {
	c, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	pc := c.Hijack() // want `^connection pc from c\.Hijack is not closed on the path that returns at connrelease\.go:115; defer pc\.Close\(ctx\) after the error check$`
	if err := pc.Ping(ctx); err != nil {
		return err
	}
	return pc.Close(ctx)
}

// Clean twin: Hijack releases the pool connection, and the hijacked
// one is handed to the caller.
func hijack(ctx context.Context, pool *pgxpool.Pool) (*pgx.Conn, error) {
	c, err := pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	return c.Hijack(), nil
}
