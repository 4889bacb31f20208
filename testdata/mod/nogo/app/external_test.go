package app_test

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/nogo/repo"
)

// The external test package is a package of its own, with its own
// action: repo's facts reach it too.
func firstForTest(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	rows, err := pool.Query(ctx, "SELECT id, name FROM users") // want `^rows from pool\.Query is not closed on the path that returns at external_test\.go:\d+`
	if err != nil {
		return "", err
	}
	u, err := repo.First(rows)
	return u.Name, err
}

var _ = firstForTest
