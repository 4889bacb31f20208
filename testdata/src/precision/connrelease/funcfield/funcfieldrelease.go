// Package funcfieldrelease holds the corpus's false alarm on a
// connection released by a deferred call of a function-valued field
// whose contract is to close it.
//
// Found in github.com/jackc/pgx/v5@v5.12.0 pgxtest/pgxtest.go:71.
package funcfieldrelease

import (
	"context"

	"github.com/jackc/pgx/v5"
)

type Runner struct {
	// CloseConn closes conn.
	CloseConn func(ctx context.Context, conn *pgx.Conn)
}

func NewRunner() Runner {
	return Runner{CloseConn: func(ctx context.Context, conn *pgx.Conn) { conn.Close(ctx) }}
}

// Clean: pgxtest's RunTest.
func (r Runner) Run(ctx context.Context, config *pgx.ConnConfig, f func(*pgx.Conn)) error {
	conn, err := pgx.ConnectConfig(ctx, config)
	if err != nil {
		return err
	}
	defer r.CloseConn(ctx, conn)
	f(conn)
	return nil
}

// Leaking twin: nothing closes the connection.
func (r Runner) RunLeaky(ctx context.Context, config *pgx.ConnConfig, f func(*pgx.Conn)) error {
	conn, err := pgx.ConnectConfig(ctx, config) // want `connection conn from pgx\.ConnectConfig is not closed`
	if err != nil {
		return err
	}
	f(conn)
	return nil
}
