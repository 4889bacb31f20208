// Package tx holds a txend finding whose related information
// passes/internal/leakcheck/related_test.go checks.
package tx

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5/pgxpool"
)

var errNotPositive = errors.New("not positive")

// A transaction: the related message names its noun.
func transfer(ctx context.Context, pool *pgxpool.Pool, cents int64) error {
	tx, err := pool.Begin(ctx) // want `^transaction tx from pool\.Begin is not committed or rolled back on the path that returns at tx\.go:21; defer tx\.Rollback\(ctx\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if cents <= 0 {
		return errNotPositive
	}
	return tx.Commit(ctx)
}
