// Package deferloop holds deferloop cases against the real pgx v5,
// pgxpool and database/sql: each leak has a clean twin below it.
package deferloop

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

// One transaction per order: every path to the next iteration commits,
// so nothing is held across iterations and the deferred Rollback is a
// no-op by then.
func importOrders(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	for _, id := range ids {
		tx, err := pool.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx) // ok: committed before the next iteration
		if _, err := tx.Exec(ctx, "INSERT INTO orders (id) VALUES ($1)", id); err != nil {
			return err
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

// An order already present is skipped with its transaction still open:
// each such iteration holds one more until the import returns.
func importNewOrders(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	for _, id := range ids {
		tx, err := pool.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx) // want `^tx\.Rollback is deferred inside a loop: each iteration holds its transaction from pool\.Begin until the function returns; release it at the end of the iteration, or move the loop body into a function$`
		tag, err := tx.Exec(ctx, "INSERT INTO orders (id) VALUES ($1) ON CONFLICT DO NOTHING", id)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			continue
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Clean twin: the loop body is a function, so each defer runs at the
// end of its iteration.
func importOrdersFunc(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	for _, id := range ids {
		if err := func() error {
			tx, err := pool.Begin(ctx)
			if err != nil {
				return err
			}
			defer tx.Rollback(ctx)
			if _, err := tx.Exec(ctx, "INSERT INTO orders (id) VALUES ($1)", id); err != nil {
				return err
			}
			return tx.Commit(ctx)
		}(); err != nil {
			return err
		}
	}
	return nil
}

// database/sql rows of every user, read until the first row only: each
// user's rows stay open until the function returns.
func countOrders(ctx context.Context, db *sql.DB, users []int64) (map[int64]int, error) {
	counts := make(map[int64]int)
	for _, u := range users {
		rows, err := db.QueryContext(ctx, "SELECT 1 FROM orders WHERE user_id = $1", u)
		if err != nil {
			return nil, err
		}
		defer rows.Close() // want `^rows\.Close is deferred inside a loop: each iteration holds its rows from db\.QueryContext until the function returns; release it at the end of the iteration, or move the loop body into a function$`
		if rows.Next() {
			counts[u]++
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return counts, nil
}

// Clean twin: the rows are drained by Next, which closes them, before
// the next iteration.
func countAllOrders(ctx context.Context, db *sql.DB, users []int64) (map[int64]int, error) {
	counts := make(map[int64]int)
	for _, u := range users {
		rows, err := db.QueryContext(ctx, "SELECT 1 FROM orders WHERE user_id = $1", u)
		if err != nil {
			return nil, err
		}
		defer rows.Close() // ok: drained before the next iteration
		for rows.Next() {
			counts[u]++
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return counts, nil
}

// Clean twin: a helper closes the rows of each user before the next.
func countOrdersHelper(ctx context.Context, db *sql.DB, users []int64) (map[int64]int, error) {
	counts := make(map[int64]int)
	for _, u := range users {
		n, err := countFor(ctx, db, u)
		if err != nil {
			return nil, err
		}
		counts[u] = n
	}
	return counts, nil
}

func countFor(ctx context.Context, db *sql.DB, user int64) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT 1 FROM orders WHERE user_id = $1", user)
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
