// Package connrelease holds the connections that -fix releases: a
// pooled connection gets defer conn.Release(), a *pgx.Conn defer
// conn.Close(ctx) with the context of the call that opened it, and a
// *sql.Conn defer conn.Close() (fix.go.golden).
package connrelease

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var errForbidden = errors.New("forbidden")

func allowed(user string) bool { return user != "" }

func rename(ctx context.Context, pool *pgxpool.Pool, user string) error {
	conn, err := pool.Acquire(ctx) // want `connection conn from pool\.Acquire is not released on the path that returns`
	if err != nil {
		return err
	}
	if !allowed(user) {
		return errForbidden
	}
	_, err = conn.Exec(ctx, "UPDATE users SET name = $1", user)
	conn.Release()
	return err
}

func migrate(ctx context.Context, url string, dryRun bool) error {
	conn, err := pgx.Connect(ctx, url) // want `connection conn from pgx\.Connect is not closed on the path that returns`
	if err != nil {
		return err
	}
	if dryRun {
		return nil
	}
	_, err = conn.Exec(ctx, "SELECT 1")
	if cerr := conn.Close(ctx); err == nil {
		err = cerr
	}
	return err
}

func pinned(ctx context.Context, db *sql.DB, user string) error {
	conn, err := db.Conn(ctx) // want `connection conn from db\.Conn is not closed on the path that returns`
	if err != nil {
		return err
	}
	if !allowed(user) {
		return errForbidden
	}
	_, err = conn.ExecContext(ctx, "SET ROLE reader")
	conn.Close()
	return err
}
