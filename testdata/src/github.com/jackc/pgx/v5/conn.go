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

func (cc *ConnConfig) Copy() *ConnConfig { panic("stub") }

func (cc *ConnConfig) ConnString() string { panic("stub") }

// Conn is a PostgreSQL connection handle (opaque in the stub).
type Conn struct{}

// Identifier a PostgreSQL identifier or name.
type Identifier []string

func (ident Identifier) Sanitize() string { panic("stub") }

var (
	ErrNoRows      = errors.New("no rows in result set")
	ErrTooManyRows = errors.New("too many rows in result set")
)

func Connect(ctx context.Context, connString string) (*Conn, error) { panic("stub") }

func ConnectWithOptions(ctx context.Context, connString string, options ParseConfigOptions) (*Conn, error) {
	panic("stub")
}

func ConnectConfig(ctx context.Context, connConfig *ConnConfig) (*Conn, error) { panic("stub") }

func ParseConfigWithOptions(connString string, options ParseConfigOptions) (*ConnConfig, error) {
	panic("stub")
}

func ParseConfig(connString string) (*ConnConfig, error) { panic("stub") }

func (c *Conn) Close(ctx context.Context) error { panic("stub") }

func (c *Conn) Prepare(ctx context.Context, name, sql string) (sd *pgconn.StatementDescription, err error) {
	panic("stub")
}

func (c *Conn) Deallocate(ctx context.Context, name string) error { panic("stub") }

func (c *Conn) DeallocateAll(ctx context.Context) error { panic("stub") }

func (c *Conn) WaitForNotification(ctx context.Context) (*pgconn.Notification, error) { panic("stub") }

func (c *Conn) IsClosed() bool { panic("stub") }

func (c *Conn) Ping(ctx context.Context) error { panic("stub") }

func (c *Conn) PgConn() *pgconn.PgConn { panic("stub") }

func (c *Conn) TypeMap() *pgtype.Map { panic("stub") }

func (c *Conn) Config() *ConnConfig { panic("stub") }

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	panic("stub")
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

func (m QueryExecMode) String() string { panic("stub") }

// QueryResultFormats controls the result format (text=0, binary=1) of a query by result column position.
type QueryResultFormats []int16

// QueryResultFormatsByOID controls the result format (text=0, binary=1) of a query by the result column OID.
type QueryResultFormatsByOID map[uint32]int16

// QueryRewriter rewrites a query when used as the first arguments to a query method.
type QueryRewriter interface {
	RewriteQuery(ctx context.Context, conn *Conn, sql string, args []any) (newSQL string, newArgs []any, err error)
}

func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) { panic("stub") }

func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row { panic("stub") }

func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults { panic("stub") }
