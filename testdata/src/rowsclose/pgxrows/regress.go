// Regression cases: each was an engine bug found while writing the tests
// of this check. The comment above each case says what the engine did
// before the fix ("Actual", "actual") and what it must do.
//
//
package pgxrows

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Bug: rows discarded with the blank identifier in a tuple assignment.
// Expected: "the result is discarded".
// Actual: "rows from pool.Query is not closed on the path that returns at
// regress.go:25; defer rows.Close() after the error check": a fix
// that names a variable that does not exist. go/ssa emits an Extract #0
// for the blank, so hasUses (engine.go) sees a use; a statement call
// (conn.Query(...) alone) is correctly reported as discarded.
func touchUser(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	_, err := pool.Query(ctx, "UPDATE users SET seen_at = now() WHERE id = $1", id) // want `rows from pool\.Query is not closed: the result is discarded`
	return err
}

func validate(u User) error {
	if u.Email == "" {
		return fmt.Errorf("user %d has no email", u.ID)
	}
	return nil
}

// Fixed bug (missed leak): the error variable is a named result captured by a
// deferred wrapper, so it lives in a cell. addErr (alias.go) takes every
// load of that cell for the query's error, flow-insensitively, so the
// later "if err = validate(u); err != nil" is read as "the query failed"
// and the leaking return is pruned.
// Expected: a leak at regress.go:58.
// Actual: no diagnostic.
func listUsersWrapped(ctx context.Context, pool *pgxpool.Pool) (users []User, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("list users: %w", err)
		}
	}()
	rows, err := pool.Query(ctx, "SELECT id, email FROM users") // want `rows from pool\.Query is not closed on the path that returns at regress\.go:58; defer rows\.Close\(\) after the error check`
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var u User
		if err = rows.Scan(&u.ID, &u.Email); err != nil {
			return nil, err
		}
		if err = validate(u); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

// Fixed bug (false positive): the Close is deferred, through the variable's
// cell, BEFORE the query is assigned to it. The walk starts after the
// acquisition and never sees that defer.
// Expected: no diagnostic.
// Actual: "rows from pool.Query is not closed on the path that returns at
// regress.go:90; defer rows.Close() after the error check".
func adminIDs(ctx context.Context, pool *pgxpool.Pool) ([]int64, error) {
	var rows pgx.Rows
	defer func() {
		if rows != nil {
			rows.Close()
		}
	}()
	var err error
	rows, err = pool.Query(ctx, "SELECT id FROM users WHERE admin") // ok
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if id == 0 {
			return nil, fmt.Errorf("admin without id")
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
