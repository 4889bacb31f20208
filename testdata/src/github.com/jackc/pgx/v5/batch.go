// Stub of github.com/jackc/pgx/v5 v5.12.0 for analysistest: declarations only.

package pgx

import (
	"github.com/jackc/pgx/v5/pgconn"
)

// QueuedQuery is a query that has been queued for execution via a Batch.
type QueuedQuery struct {
	SQL       string
	Arguments []any
	Fn        batchItemFunc
}

type batchItemFunc func(br BatchResults) error

func (qq *QueuedQuery) Query(fn func(rows Rows) error) {}

func (qq *QueuedQuery) QueryRow(fn func(row Row) error) {}

func (qq *QueuedQuery) Exec(fn func(ct pgconn.CommandTag) error) {}

// Batch queries are a way of bundling multiple queries together.
type Batch struct {
	QueuedQueries []*QueuedQuery
}

func (b *Batch) BeginTx(txOptions TxOptions) {}

func (b *Batch) Queue(query string, arguments ...any) *QueuedQuery { return nil }

func (b *Batch) Len() int { return 0 }

type BatchResults interface {
	Exec() (pgconn.CommandTag, error)
	Query() (Rows, error)
	QueryRow() Row
	Close() error
	Tx() Tx
}

func FailedBatchResults(b *Batch, err error) BatchResults { return nil }

// ErrPreprocessingBatch occurs when an error is encountered while preprocessing a batch.
type ErrPreprocessingBatch struct{}

func (e ErrPreprocessingBatch) Error() string { return "" }

func (e ErrPreprocessingBatch) Unwrap() error { return nil }

func (e ErrPreprocessingBatch) SQL() string { return "" }
