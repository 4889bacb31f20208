package local

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// Closing the connection's handle closes the connection. // ok
func closeThroughHandle(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	pg := conn.PgConn()
	defer pg.Close(ctx)
	return conn.Ping(ctx)
}

// Using the handle without closing it leaks the connection.
func pingThroughHandle(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn) // want `^connection conn from pgx\.Connect is not closed on the path that returns at handle\.go:26; defer conn\.Close\(ctx\) after the error check$`
	if err != nil {
		return err
	}
	return conn.PgConn().Ping(ctx)
}
