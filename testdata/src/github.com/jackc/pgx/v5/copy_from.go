// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

package pgx

import (
	"context"
)

func CopyFromRows(rows [][]any) CopyFromSource { return nil }

func CopyFromSlice(length int, next func(int) ([]any, error)) CopyFromSource { return nil }

func CopyFromFunc(nxtf func() (row []any, err error)) CopyFromSource { return nil }

// CopyFromSource is the interface used by Conn.CopyFrom as the source for copy data.
type CopyFromSource interface {
	Next() bool
	Values() ([]any, error)
	Err() error
}

func (c *Conn) CopyFrom(ctx context.Context, tableName Identifier, columnNames []string, rowSrc CopyFromSource) (int64, error) {
	return 0, nil
}
