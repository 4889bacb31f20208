package app

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/nogo/repo"
)

// A helper of the tests leaks too: Bazel's go_test target and go vet
// analyze the package with its _test.go files.
func openForTest(ctx context.Context, pool *pgxpool.Pool, skip bool) error {
	c, err := repo.OpenUsers(ctx, pool) // want `^Cursor c from repo\.OpenUsers is not closed on the path that returns at app_test\.go:\d+`
	if err != nil {
		return err
	}
	if skip {
		return nil
	}
	c.Close()
	return nil
}

func TestOpen(t *testing.T) {
	if testing.Short() {
		t.Skip("needs a database")
	}
	_ = openForTest
}
