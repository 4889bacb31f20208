// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

package pgx

import (
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// Rows is the result set returned from Conn.Query. Rows must be closed.
type Rows interface {
	Close()
	Err() error
	CommandTag() pgconn.CommandTag
	FieldDescriptions() []pgconn.FieldDescription
	Next() bool
	Scan(dest ...any) error
	Values() ([]any, error)
	RawValues() [][]byte
	Conn() *Conn
	TypeMap() *pgtype.Map
}

// Row is a convenience wrapper over Rows that is returned by Conn.QueryRow.
type Row interface {
	Scan(dest ...any) error
}

// RowScanner scans an entire row at a time into the RowScanner.
type RowScanner interface {
	ScanRow(rows Rows) error
}

type ScanArgError struct {
	ColumnIndex int
	FieldName   string
	Err         error
}

func (e ScanArgError) Error() string { return "" }

func (e ScanArgError) Unwrap() error { return nil }

func ScanRow(typeMap *pgtype.Map, fieldDescriptions []pgconn.FieldDescription, values [][]byte, dest ...any) error {
	return nil
}

func RowsFromResultReader(typeMap *pgtype.Map, resultReader *pgconn.ResultReader) Rows { return nil }

func ForEachRow(rows Rows, scans []any, fn func() error) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}

// CollectableRow is the subset of Rows methods that a RowToFunc is allowed to call.
type CollectableRow interface {
	FieldDescriptions() []pgconn.FieldDescription
	Scan(dest ...any) error
	Values() ([]any, error)
	RawValues() [][]byte
}

// RowToFunc is a function that scans or otherwise converts row to a T.
type RowToFunc[T any] func(row CollectableRow) (T, error)

func AppendRows[T any, S ~[]T](slice S, rows Rows, fn RowToFunc[T]) (S, error) { return *new(S), nil }

func CollectRows[T any](rows Rows, fn RowToFunc[T]) ([]T, error) { return nil, nil }

func CollectOneRow[T any](rows Rows, fn RowToFunc[T]) (T, error) { return *new(T), nil }

func CollectExactlyOneRow[T any](rows Rows, fn RowToFunc[T]) (T, error) { return *new(T), nil }

func RowTo[T any](row CollectableRow) (T, error) { return *new(T), nil }

func RowToAddrOf[T any](row CollectableRow) (*T, error) { return nil, nil }

func RowToMap(row CollectableRow) (map[string]any, error) { return nil, nil }

func RowToStructByPos[T any](row CollectableRow) (T, error) { return *new(T), nil }

func RowToAddrOfStructByPos[T any](row CollectableRow) (*T, error) { return nil, nil }

func RowToStructByName[T any](row CollectableRow) (T, error) { return *new(T), nil }

func RowToAddrOfStructByName[T any](row CollectableRow) (*T, error) { return nil, nil }

func RowToStructByNameLax[T any](row CollectableRow) (T, error) { return *new(T), nil }

func RowToAddrOfStructByNameLax[T any](row CollectableRow) (*T, error) { return nil, nil }
