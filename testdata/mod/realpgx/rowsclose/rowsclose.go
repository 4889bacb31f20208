// Package rowsclose holds rowsclose cases against the real pgx v5,
// pgxpool and database/sql: each leak has a clean twin below it.
package rowsclose

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type User struct {
	ID    int64
	Email string
}

var errTooMany = errors.New("too many users")

// The early return inside the loop leaves the pgx rows open.
func listEmails(ctx context.Context, pool *pgxpool.Pool, limit int) ([]string, error) {
	rows, err := pool.Query(ctx, "SELECT email FROM users") // want `^rows from pool\.Query is not closed on the path that returns at rowsclose\.go:34; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var email string
		if err := rows.Scan(&email); err != nil {
			return nil, err // a failed pgx Scan closes the rows
		}
		if len(out) == limit {
			return nil, errTooMany
		}
		out = append(out, email)
	}
	return out, rows.Err()
}

// Clean twin: defer rows.Close().
func listEmailsDefer(ctx context.Context, pool *pgxpool.Pool, limit int) ([]string, error) {
	rows, err := pool.Query(ctx, "SELECT email FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var email string
		if err := rows.Scan(&email); err != nil {
			return nil, err
		}
		if len(out) == limit {
			return nil, errTooMany
		}
		out = append(out, email)
	}
	return out, rows.Err()
}

// Clean twin: pgx.CollectRows closes the rows.
func listUsersCollect(ctx context.Context, pool *pgxpool.Pool) ([]User, error) {
	rows, err := pool.Query(ctx, "SELECT id, email FROM users")
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[User])
}

// A failed database/sql Scan does not close the rows.
func sqlIDs(ctx context.Context, db *sql.DB) ([]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users") // want `^rows from db\.QueryContext is not closed on the path that returns at rowsclose\.go:81; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	return ids, rows.Err()
}

// Clean twin: defer rows.Close().
func sqlIDsDefer(ctx context.Context, db *sql.DB) ([]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Clean: pgx rows read to the end (Next returning false closes them)
// in a pgx transaction that is rolled back on every path.
func countInTx(ctx context.Context, conn *pgx.Conn) (int, error) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(ctx)
	rows, err := tx.Query(ctx, "SELECT 1 FROM users")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	return n, tx.Commit(ctx)
}

// Clean: the other pgx helpers that close the rows.
func sumIDs(ctx context.Context, pool *pgxpool.Pool) (int64, error) {
	rows, err := pool.Query(ctx, "SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	var id, sum int64
	_, err = pgx.ForEachRow(rows, []any{&id}, func() error {
		sum += id
		return nil
	})
	return sum, err
}

func firstUser(ctx context.Context, pool *pgxpool.Pool) (User, error) {
	rows, _ := pool.Query(ctx, "SELECT id, email FROM users LIMIT 1")
	return pgx.CollectOneRow(rows, pgx.RowToStructByPos[User])
}

func onlyUser(ctx context.Context, conn *pgx.Conn) (*User, error) {
	rows, err := conn.Query(ctx, "SELECT id, email FROM users")
	if err != nil {
		return nil, err
	}
	return pgx.CollectExactlyOneRow(rows, pgx.RowToAddrOfStructByName[User])
}

func appendIDs(ctx context.Context, pool *pgxpool.Pool, dst []int64) ([]int64, error) {
	rows, err := pool.Query(ctx, "SELECT id FROM users")
	if err != nil {
		return nil, err
	}
	return pgx.AppendRows(dst, rows, pgx.RowTo[int64])
}
