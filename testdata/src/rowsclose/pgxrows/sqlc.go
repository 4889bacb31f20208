package pgxrows

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// DBTX is the interface sqlc generates for pgx/v5: a pool, a connection or
// a transaction. Its Query returns pgx.Rows, so a call through it acquires
// rows like a call on the pool.
type DBTX interface {
	Exec(context.Context, string, ...interface{}) (pgconn.CommandTag, error)
	Query(context.Context, string, ...interface{}) (pgx.Rows, error)
	QueryRow(context.Context, string, ...interface{}) pgx.Row
}

type Queries struct {
	db DBTX
}

func NewQueries(db DBTX) *Queries {
	return &Queries{db: db}
}

const listUsers = `SELECT id, email, admin FROM users ORDER BY id`

// A hand-edited query method that stops at a limit without closing.
func (q *Queries) ListUsersUpTo(ctx context.Context, limit int) ([]User, error) {
	rows, err := q.db.Query(ctx, listUsers) // want `rows from q\.db\.Query is not closed on the path that returns at sqlc\.go:43; defer rows\.Close\(\) after the error check`
	if err != nil {
		return nil, err
	}
	var items []User
	for rows.Next() {
		var i User
		if err := rows.Scan(&i.ID, &i.Email, &i.Admin); err != nil {
			return nil, err
		}
		items = append(items, i)
		if len(items) == limit {
			return items, nil
		}
	}
	return items, rows.Err()
}

// The code sqlc generates: defer rows.Close() after the error check.
func (q *Queries) ListUsers(ctx context.Context) ([]User, error) {
	rows, err := q.db.Query(ctx, listUsers) // ok
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []User
	for rows.Next() {
		var i User
		if err := rows.Scan(&i.ID, &i.Email, &i.Admin); err != nil {
			return nil, err
		}
		items = append(items, i)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return items, nil
}
