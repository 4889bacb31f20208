package rowsclose

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// One acquisition per arm (a transaction or the pool), one error check
// after the join: nothing is held where err is non-nil.
func namesTxOrPool(ctx context.Context, pool *pgxpool.Pool, tx pgx.Tx) ([]string, error) {
	var rows pgx.Rows
	var err error
	if tx != nil {
		rows, err = tx.Query(ctx, "SELECT name FROM users")
	} else {
		rows, err = pool.Query(ctx, "SELECT name FROM users")
	}
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// A sentinel test before the nil test: err is non-nil on its true edge.
func rowsOrNone(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	return 1, nil
}

// The leaking twin: the sentinel's false edge proves nothing.
func rowsOrNoneLeak(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `^rows from db\.QueryContext is not closed on the path that returns at guard\.go:48; defer rows\.Close\(\) after the error check$`
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	cols, _ := rows.Columns()
	return len(cols), err
}

// database/sql rows queried on a transaction whose Rollback is deferred
// are closed by it at every exit.
func firstInTx(ctx context.Context, db *sql.DB) (int64, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	var id int64
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
	}
	return id, tx.Commit()
}

// The leaking twin: the transaction is used again while the rows are open.
func firstThenUpdate(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT id FROM users") // want `^rows from tx\.QueryContext is not closed on the path that returns at guard\.go:90 \(and 1 other exit\); defer rows\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	var id int64
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", id); err != nil {
		return err
	}
	return tx.Commit()
}
