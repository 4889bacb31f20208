// Package repo is the middle of the chain: its functions only pass on to
// store's, so their facts derive from the facts of store's action.
package repo

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/nogo/store"
)

// OpenUsers returns store's cursor, which its caller must close.
func OpenUsers(ctx context.Context, pool *pgxpool.Pool) (*store.Cursor, error) {
	return store.Open(ctx, pool)
}

// First reads the first user and leaves the rows open, as store.ScanFirst does.
func First(rows pgx.Rows) (store.User, error) {
	return store.ScanFirst(rows)
}

// Done closes the rows through store.CloseQuietly.
func Done(rows pgx.Rows) {
	store.CloseQuietly(rows)
}
