// Package crosspkg calls ownership/helpers with connections.
package crosspkg

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"ownership/helpers"
)

// helpers.Acquire returns an owned connection; Lock only borrows it.
func lockLeak(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := helpers.Acquire(ctx, pool) // want `^connection conn from helpers\.Acquire is not released on the path that returns at crosspkg\.go:18; defer conn\.Release\(\) after the error check$`
	if err != nil {
		return err
	}
	return helpers.Lock(ctx, conn, 42)
}

func lockReleased(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := helpers.Acquire(ctx, pool)
	if err != nil {
		return err
	}
	defer conn.Release()
	return helpers.Lock(ctx, conn, 42)
}

// A getter of another package returns a connection its caller does
// not own: nothing to release.
func viaGetter(ctx context.Context, s *helpers.Store) error {
	conn := s.Conn()
	_, err := conn.Exec(ctx, "SELECT 1")
	return err
}

// helpers.NewSession keeps the connection only when it succeeds.
func sessionLeak(ctx context.Context, pool *pgxpool.Pool) (*helpers.Session, error) {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path where helpers\.NewSession fails at crosspkg\.go:\d+ and returns at crosspkg\.go:\d+; release conn where helpers\.NewSession fails: it keeps conn only when it succeeds$`
	if err != nil {
		return nil, err
	}
	s, err := helpers.NewSession(ctx, conn)
	if err != nil {
		return nil, err
	}
	return s, nil
}

func sessionReleased(ctx context.Context, pool *pgxpool.Pool) (*helpers.Session, error) {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	s, err := helpers.NewSession(ctx, conn)
	if err != nil {
		conn.Release()
		return nil, err
	}
	return s, nil
}
