// Package sqlx holds the connections of github.com/jmoiron/sqlx's
// Connx: *sqlx.Conn embeds *sql.Conn, whose promoted Close releases it.
package sqlx

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// The connection is not closed when the ping fails.
func pinned(ctx context.Context, db *sqlx.DB) error {
	conn, err := db.Connx(ctx) // want `^connection conn from db\.Connx is not closed on the path that returns at sqlx\.go:18; defer conn\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		return err
	}
	return conn.Close()
}

// The clean twin.
func pinnedClosed(ctx context.Context, db *sqlx.DB) (int, error) {
	conn, err := db.Connx(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	var n int
	err = conn.QueryRowxContext(ctx, "SELECT 1").Scan(&n)
	return n, err
}
