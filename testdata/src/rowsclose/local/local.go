// Package local: functions of the same package that return a resource
// they acquired hand the obligation to their callers; getters that
// return a resource they did not acquire do not.
package local

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct {
	db   *sql.DB
	pool *pgxpool.Pool
	last *sql.Rows
}

// activeUsers returns the rows of a query: its caller must close them.
func (s *Store) activeUsers(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id FROM users WHERE active")
}

// recentOrders returns fresh rows on one path and an error on another.
func (s *Store) recentOrders(ctx context.Context, limit int) (pgx.Rows, error) {
	if limit <= 0 {
		return nil, errors.New("limit must be positive")
	}
	rows, err := s.pool.Query(ctx, "SELECT id FROM orders ORDER BY id DESC LIMIT $1", limit)
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// activeIDs calls a helper that calls a helper.
func (s *Store) activeIDs(ctx context.Context) (*sql.Rows, error) {
	return s.activeUsers(ctx)
}

// lastRows is a getter: it returns rows it did not acquire.
func (s *Store) lastRows() *sql.Rows { return s.last }

// The caller of a helper returning rows forgets to close them on the
// early return.
func countActive(ctx context.Context, s *Store, max int) (int, error) {
	rows, err := s.activeUsers(ctx) // want `^rows from s\.activeUsers is not closed on the path that returns at local\.go:57; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
		if n > max {
			return n, nil
		}
	}
	return n, nil
}

// Closed by a defer. // ok
func countActiveClosed(ctx context.Context, s *Store, max int) (int, error) {
	rows, err := s.activeUsers(ctx)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		if n > max {
			return n, nil
		}
	}
	return n, nil
}

// pgx rows from a helper, never closed on the early return.
func newestOrder(ctx context.Context, s *Store) (int64, error) {
	rows, err := s.recentOrders(ctx, 10) // want `^rows from s\.recentOrders is not closed on the path that returns at local\.go:91; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return 0, err
	}
	var id int64
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		return id, nil
	}
	return 0, rows.Err()
}

// Through two helpers.
func firstActive(ctx context.Context, s *Store) (int64, error) {
	rows, err := s.activeIDs(ctx) // want `^rows from s\.activeIDs is not closed on the path that returns at local\.go:106; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return 0, err
	}
	var id int64
	if rows.Next() {
		err = rows.Scan(&id)
	}
	return id, err
}

// A getter's result is not the caller's to close. // ok
func peek(s *Store) bool {
	rows := s.lastRows()
	return rows != nil && rows.Next()
}
