package rowsclose

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

// The leaks below get no fix: deferring Close would not be mechanical.
// This file has no golden file, so -fix must leave it as it is.

// In a loop, a defer would hold every iteration's rows until the
// function returns: the deferloop leak.
func perUser(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	for _, id := range ids {
		rows, err := pool.Query(ctx, "SELECT 1 WHERE $1 > 0", id) // want `rows from pool\.Query is not closed on the path that returns`
		if err != nil {
			return err
		}
		if id < 0 {
			return fmt.Errorf("bad id %d", id)
		}
		rows.Close()
	}
	return nil
}

// A statement between the query and its error check.
func noAdjacentCheck(ctx context.Context, db *sql.DB, q string) error {
	rows, err := db.QueryContext(ctx, q) // want `rows from db\.QueryContext is not closed on the path that returns`
	q = ""
	if err != nil {
		return err
	}
	if !rows.Next() {
		return nil
	}
	return fmt.Errorf("unexpected row for %q", q)
}

// The error check has an else branch.
func withElse(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows from db\.QueryContext is not closed on the path that returns`
	if err != nil {
		return err
	} else if rows.Next() {
		return nil
	}
	return rows.Close()
}

// The error check falls through: the rows may be nil after it.
func logOnly(ctx context.Context, db *sql.DB, logf func(string, ...any)) bool {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows from db\.QueryContext is not closed on the path that returns`
	if err != nil {
		logf("query: %v", err)
	}
	if rows == nil || !rows.Next() {
		return false
	}
	return true
}

// Closed by a defer already, too late: moving it is a judgment call.
func deferredLater(ctx context.Context, db *sql.DB, limit int) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows from db\.QueryContext is not closed on the path that returns`
	if err != nil {
		return err
	}
	if limit == 0 {
		return nil
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

// Returned to the caller on one path: a defer would close the caller's
// rows.
func maybeHandOver(ctx context.Context, db *sql.DB, stream bool) (*sql.Rows, error) {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows from db\.QueryContext is not closed on the path that returns`
	if err != nil {
		return nil, err
	}
	if stream {
		return rows, nil
	}
	return nil, nil
}

// A named result: the caller's rows.
func named(ctx context.Context, db *sql.DB, probe bool) (rows *sql.Rows, err error) {
	rows, err = db.QueryContext(ctx, "SELECT 1") // want `rows from db\.QueryContext is not closed on the path that returns`
	if err != nil {
		return nil, err
	}
	if probe {
		return nil, nil
	}
	return rows, nil
}

// Captured by a closure that closes them on one path.
func captured(ctx context.Context, db *sql.DB, early bool) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows from db\.QueryContext is not closed on the path that returns`
	if err != nil {
		return err
	}
	done := func() { rows.Close() }
	if early {
		return nil
	}
	done()
	return nil
}

// Scoped to the if statement: there is no statement list to insert into.
func scoped(ctx context.Context, db *sql.DB) error {
	if rows, err := db.QueryContext(ctx, "SELECT 1"); err != nil { // want `rows from db\.QueryContext is not closed on the path that returns`
		return err
	} else if !rows.Next() {
		return nil
	}
	return nil
}

// A field target is not followed at all (ownership is unclear): no
// finding, so no fix.
type cursor struct{ rows *sql.Rows }

func (c *cursor) open(ctx context.Context, db *sql.DB) error {
	var err error
	c.rows, err = db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	return nil
}
