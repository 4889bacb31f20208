// Package repo is a repository whose methods take connections from the
// pool in its field: its ownership facts say so to its importers.
package repo

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Repo struct {
	Pool *pgxpool.Pool
}

// Touch takes a connection from r.Pool.
func (r *Repo) Touch(ctx context.Context, id int64) error {
	_, err := r.Pool.Exec(ctx, "UPDATE users SET seen = now() WHERE id = $1", id)
	return err
}

// Ping takes a connection from the pool it is passed.
func Ping(ctx context.Context, pool *pgxpool.Pool) error {
	return pool.Ping(ctx)
}
