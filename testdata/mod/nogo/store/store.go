// Package store is the bottom of a three-package chain (store <- repo <-
// app) that the nogo test runs one package per action, as Bazel does:
// app imports repo alone, so its action reads repo's facts file only.
// That file has repo's functions' facts, derived from store's, and
// passes on store's facts on its wrapper type Cursor (x/tools' facts
// encoding re-exports the facts of types and methods of dependencies,
// not of their functions).
package store

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// User is a row of users.
type User struct {
	ID   int64
	Name string
}

// Cursor wraps rows: its Close releases them, which makes it a resource.
type Cursor struct {
	rows pgx.Rows
}

// Open returns a cursor its caller must close.
func Open(ctx context.Context, pool *pgxpool.Pool) (*Cursor, error) {
	rows, err := pool.Query(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	return &Cursor{rows: rows}, nil
}

// Next advances the cursor.
func (c *Cursor) Next() bool { return c.rows.Next() }

// Close releases the rows.
func (c *Cursor) Close() { c.rows.Close() }

// ScanFirst reads one row and leaves the rows open: it borrows them.
func ScanFirst(rows pgx.Rows) (User, error) {
	var u User
	if !rows.Next() {
		return u, rows.Err()
	}
	err := rows.Scan(&u.ID, &u.Name)
	return u, err
}

// CloseQuietly closes rows: it releases them.
func CloseQuietly(rows pgx.Rows) {
	rows.Close()
}
