// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

package pgconn

import (
	"errors"
)

func SafeToRetry(err error) bool { panic("stub") }

func Timeout(err error) bool { panic("stub") }

// PgError represents an error reported by the PostgreSQL server.
type PgError struct {
	Severity            string
	SeverityUnlocalized string
	Code                string
	Message             string
	Detail              string
	Hint                string
	Position            int32
	InternalPosition    int32
	InternalQuery       string
	Where               string
	SchemaName          string
	TableName           string
	ColumnName          string
	DataTypeName        string
	ConstraintName      string
	File                string
	Line                int32
	Routine             string
}

func (pe *PgError) Error() string { panic("stub") }

func (pe *PgError) SQLState() string { panic("stub") }

// ConnectError is the error returned when a connection attempt fails.
type ConnectError struct {
	Config *Config
}

func (e *ConnectError) Error() string { panic("stub") }

func (e *ConnectError) Unwrap() error { panic("stub") }

var ErrConnClosed = errors.New("conn closed")

// ParseConfigError is the error returned when a connection string cannot be parsed.
type ParseConfigError struct {
	ConnString string
}

func NewParseConfigError(conn, msg string, err error) error { panic("stub") }

func (e *ParseConfigError) Error() string { panic("stub") }

func (e *ParseConfigError) Unwrap() error { panic("stub") }

type NotPreferredError struct{}

func (e *NotPreferredError) Error() string { panic("stub") }

func (e *NotPreferredError) SafeToRetry() bool { panic("stub") }

func (e *NotPreferredError) Unwrap() error { panic("stub") }

type PrepareError struct {
	ParseComplete bool
}

func (e *PrepareError) Error() string { panic("stub") }

func (e *PrepareError) Unwrap() error { panic("stub") }
