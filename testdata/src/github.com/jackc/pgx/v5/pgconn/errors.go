// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

package pgconn

import (
	"errors"
)

func SafeToRetry(err error) bool { return false }

func Timeout(err error) bool { return false }

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

func (pe *PgError) Error() string { return "" }

func (pe *PgError) SQLState() string { return "" }

// ConnectError is the error returned when a connection attempt fails.
type ConnectError struct {
	Config *Config
}

func (e *ConnectError) Error() string { return "" }

func (e *ConnectError) Unwrap() error { return nil }

var ErrConnClosed = errors.New("conn closed")

// ParseConfigError is the error returned when a connection string cannot be parsed.
type ParseConfigError struct {
	ConnString string
}

func NewParseConfigError(conn, msg string, err error) error { return nil }

func (e *ParseConfigError) Error() string { return "" }

func (e *ParseConfigError) Unwrap() error { return nil }

type NotPreferredError struct{}

func (e *NotPreferredError) Error() string { return "" }

func (e *NotPreferredError) SafeToRetry() bool { return false }

func (e *NotPreferredError) Unwrap() error { return nil }

type PrepareError struct {
	ParseComplete bool
}

func (e *PrepareError) Error() string { return "" }

func (e *PrepareError) Unwrap() error { return nil }
