// Package through: a repository wrapper that runs its query through a
// retry helper taking a callback and handing the rows back in an any.
package through

import (
	"context"
	"database/sql"
	"sync"
)

type DB struct {
	*sql.DB
	attempts int
}

func (db *DB) withRetry(ctx context.Context, fn func() (any, error)) (any, error) {
	var err error
	for i := 0; i < db.attempts; i++ {
		var v any
		v, err = fn()
		if err == nil {
			return v, nil
		}
	}
	return nil, err
}

// QueryContext returns rows its caller must close.
func (db *DB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	v, err := db.withRetry(ctx, func() (any, error) {
		return db.DB.QueryContext(ctx, q, args...)
	})
	if err != nil {
		return nil, err
	}
	return v.(*sql.Rows), nil
}

func count(ctx context.Context, db *DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `^rows from db\.QueryContext is not closed on the path that returns at through\.go:47; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return 0, err
	}
	if !rows.Next() {
		return 0, nil
	}
	return 1, nil
}

func countClosed(ctx context.Context, db *DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT 1") // ok
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// A cache of prepared statements: the asserted statement is the
// cache's, not the caller's.
type stmtCache struct{ m sync.Map }

func (c *stmtCache) get(q string) *sql.Stmt {
	v, ok := c.m.Load(q)
	if !ok {
		return nil
	}
	return v.(*sql.Stmt)
}

func run(ctx context.Context, c *stmtCache) error {
	stmt := c.get("SELECT 1") // ok
	if stmt == nil {
		return nil
	}
	_, err := stmt.ExecContext(ctx)
	return err
}
