package txend

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The leaks below get no fix.

// The context argument is not a variable: Rollback(ctx) has nothing to
// pass that is sure to mean the same.
func noContextVar(pool *pgxpool.Pool, ok bool) error {
	tx, err := pool.Begin(context.TODO()) // want `transaction tx from pool\.Begin is not committed or rolled back on the path that returns`
	if err != nil {
		return err
	}
	if !ok {
		return nil
	}
	return tx.Commit(context.TODO())
}

// Per item in a loop: a deferred Rollback would run only when the
// function returns.
func perItem(ctx context.Context, db *sql.DB, ids []int64) error {
	for _, id := range ids {
		tx, err := db.BeginTx(ctx, nil) // want `transaction tx from db\.BeginTx is not committed or rolled back on the path that returns`
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM users WHERE id = $1", id); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Returned to the caller on one path.
func beginIf(ctx context.Context, pool *pgxpool.Pool, want bool) (pgx.Tx, error) {
	tx, err := pool.Begin(ctx) // want `transaction tx from pool\.Begin is not committed or rolled back on the path that returns`
	if err != nil {
		return nil, err
	}
	if want {
		return tx, nil
	}
	return nil, nil
}
