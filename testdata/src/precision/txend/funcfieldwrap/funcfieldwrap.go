// Package funcfieldwrap holds the corpus's false alarm on a transaction
// wrapped by a function-valued field and returned: the wrapper is the
// caller's, and the transaction with it.
//
// Found in github.com/authzed/spicedb@v1.56.2
// internal/datastore/postgres/common/interceptor.go:166 and :174.
package funcfieldwrap

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type InterceptorPooler struct {
	delegate      *pgxpool.Pool
	txInterceptor func(pgx.Tx) pgx.Tx
}

// Clean: spicedb's InterceptorPooler.Begin.
func (i InterceptorPooler) Begin(ctx context.Context) (pgx.Tx, error) {
	tx, err := i.delegate.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return i.txInterceptor(tx), nil
}

// Leaking twin: the wrapper is made but an error returns first.
func (i InterceptorPooler) BeginChecked(ctx context.Context, check func() error) (pgx.Tx, error) {
	tx, err := i.delegate.Begin(ctx) // want `transaction tx from i\.delegate\.Begin is not committed or rolled back`
	if err != nil {
		return nil, err
	}
	if err := check(); err != nil {
		return nil, err
	}
	return i.txInterceptor(tx), nil
}
