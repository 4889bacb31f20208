// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

// Package pgx mirrors the declarations of conn.go in pgx v5.12.0.
package pgx

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// ConnConfig contains all the options used to establish a connection.
type ConnConfig struct {
	pgconn.Config

	Tracer QueryTracer

	StatementCacheCapacity   int
	DescriptionCacheCapacity int
	DefaultQueryExecMode     QueryExecMode
}

// ParseConfigOptions contains options that control how a config is built.
type ParseConfigOptions struct {
	pgconn.ParseConfigOptions
}

func (cc *ConnConfig) Copy() *ConnConfig { return nil }

func (cc *ConnConfig) ConnString() string { return "" }

// Conn is a PostgreSQL connection handle (opaque in the stub).
type Conn struct{}

// Identifier a PostgreSQL identifier or name.
type Identifier []string

func (ident Identifier) Sanitize() string { return "" }

var (
	ErrNoRows      = errors.New("no rows in result set")
	ErrTooManyRows = errors.New("too many rows in result set")
)

func Connect(ctx context.Context, connString string) (*Conn, error) { return nil, nil }

func ConnectWithOptions(ctx context.Context, connString string, options ParseConfigOptions) (*Conn, error) {
	return nil, nil
}

func ConnectConfig(ctx context.Context, connConfig *ConnConfig) (*Conn, error) { return nil, nil }

func ParseConfigWithOptions(connString string, options ParseConfigOptions) (*ConnConfig, error) {
	return nil, nil
}

func ParseConfig(connString string) (*ConnConfig, error) { return nil, nil }

func (c *Conn) Close(ctx context.Context) error { return nil }

func (c *Conn) Prepare(ctx context.Context, name, sql string) (sd *pgconn.StatementDescription, err error) {
	return
}

func (c *Conn) Deallocate(ctx context.Context, name string) error { return nil }

func (c *Conn) DeallocateAll(ctx context.Context) error { return nil }

func (c *Conn) WaitForNotification(ctx context.Context) (*pgconn.Notification, error) {
	return nil, nil
}

func (c *Conn) IsClosed() bool { return false }

func (c *Conn) Ping(ctx context.Context) error { return nil }

func (c *Conn) PgConn() *pgconn.PgConn { return nil }

func (c *Conn) TypeMap() *pgtype.Map { return nil }

func (c *Conn) Config() *ConnConfig { return nil }

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}

type QueryExecMode int32

const (
	_ QueryExecMode = iota
	QueryExecModeCacheStatement
	QueryExecModeCacheDescribe
	QueryExecModeDescribeExec
	QueryExecModeExec
	QueryExecModeSimpleProtocol
)

func (m QueryExecMode) String() string { return "" }

// QueryResultFormats controls the result format (text=0, binary=1) of a query by result column position.
type QueryResultFormats []int16

// QueryResultFormatsByOID controls the result format (text=0, binary=1) of a query by the result column OID.
type QueryResultFormatsByOID map[uint32]int16

// QueryRewriter rewrites a query when used as the first arguments to a query method.
type QueryRewriter interface {
	RewriteQuery(ctx context.Context, conn *Conn, sql string, args []any) (newSQL string, newArgs []any, err error)
}

func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) { return nil, nil }

func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row { return nil }

func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults { return nil }
