// Package app imports repo only: whether it leaks is known from the facts
// of repo's action alone, which carry store's.
package app

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/nogo/repo"
)

// The cursor is a resource only by store's fact on its type, and
// OpenUsers hands it over only by repo's fact.
func hasUsers(ctx context.Context, pool *pgxpool.Pool, dryRun bool) (bool, error) {
	c, err := repo.OpenUsers(ctx, pool) // want `^Cursor c from repo\.OpenUsers is not closed on the path that returns at app\.go:\d+`
	if err != nil {
		return false, err
	}
	if dryRun {
		return false, nil
	}
	ok := c.Next()
	c.Close()
	return ok, nil
}

// The clean twin: a deferred Close covers every path.
func hasUsersClosed(ctx context.Context, pool *pgxpool.Pool) (bool, error) {
	c, err := repo.OpenUsers(ctx, pool)
	if err != nil {
		return false, err
	}
	defer c.Close()
	return c.Next(), nil
}

// First only borrows the rows (by repo's fact, derived from store's):
// they are still this function's to close.
func firstName(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	rows, err := pool.Query(ctx, "SELECT id, name FROM users") // want `^rows from pool\.Query is not closed on the path that returns at app\.go:\d+`
	if err != nil {
		return "", err
	}
	u, err := repo.First(rows)
	return u.Name, err
}

// The clean twin: Done releases them (by repo's fact).
func firstNameDone(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	rows, err := pool.Query(ctx, "SELECT id, name FROM users")
	if err != nil {
		return "", err
	}
	defer repo.Done(rows)
	u, err := repo.First(rows)
	return u.Name, err
}

// A leak within the package, silenced: the checks honor the directive
// under nogo as under go vet.
func anyUser(ctx context.Context, pool *pgxpool.Pool, dryRun bool) (bool, error) {
	rows, err := pool.Query(ctx, "SELECT 1 FROM users") //dbleaklint:ignore a one-shot command: the pool closes at exit
	if err != nil {
		return false, err
	}
	if dryRun {
		return false, nil
	}
	defer rows.Close()
	return rows.Next(), nil
}
