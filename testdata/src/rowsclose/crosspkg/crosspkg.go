// Package crosspkg calls the helpers of ownership/helpers and
// ownership/middle: their facts decide what the caller still owes.
package crosspkg

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"

	"ownership/helpers"
	"ownership/middle"
)

// ScanUser only borrows the rows: the caller must still close them.
func firstUser(ctx context.Context, pool *pgxpool.Pool) (helpers.User, error) {
	rows, err := pool.Query(ctx, "SELECT id, name FROM users") // want `^rows from pool\.Query is not closed on the path that returns at crosspkg\.go:21; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return helpers.User{}, err
	}
	return helpers.ScanUser(rows)
}

// ScanAndClose releases them on every path.
func firstUserClosed(ctx context.Context, pool *pgxpool.Pool) (helpers.User, error) {
	rows, err := pool.Query(ctx, "SELECT id, name FROM users")
	if err != nil {
		return helpers.User{}, err
	}
	return helpers.ScanAndClose(rows)
}

// A deferred releasing helper of another package covers every exit.
func names(ctx context.Context, pool *pgxpool.Pool) ([]string, error) {
	rows, err := pool.Query(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer helpers.CloseQuietly(rows)
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// The same, for database/sql rows.
func sqlNames(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return 0, err
	}
	defer helpers.CloseSQL(rows)
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// A helper of another package that returns owned rows hands the
// obligation to its caller, on every path.
func countActive(ctx context.Context, pool *pgxpool.Pool) (int, error) {
	rows, err := helpers.QueryActive(ctx, pool) // want `^rows from helpers\.QueryActive is not closed on the path that returns at crosspkg\.go:75; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return 0, err
	}
	if !rows.Next() {
		return 0, nil
	}
	return 1, nil
}

// Two packages away: middle.Active's fact comes from helpers' fact.
func anyActive(ctx context.Context, pool *pgxpool.Pool) (bool, error) {
	rows, err := middle.Active(ctx, pool) // want `^rows from middle\.Active is not closed on the path that returns at crosspkg\.go:85; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return false, err
	}
	if rows.Next() {
		return true, nil
	}
	return false, nil
}

// Released through middle.Done, which passes them on to helpers.
func activeDone(ctx context.Context, pool *pgxpool.Pool) error {
	rows, err := middle.Active(ctx, pool)
	if err != nil {
		return err
	}
	middle.Done(rows)
	return nil
}

// Released through middle.First by defer.
func firstActive(ctx context.Context, pool *pgxpool.Pool) (helpers.User, error) {
	rows, err := middle.Active(ctx, pool)
	if err != nil {
		return helpers.User{}, err
	}
	return middle.First(rows)
}

// middle.Peek only borrows.
func peekActive(ctx context.Context, pool *pgxpool.Pool) (helpers.User, error) {
	rows, err := middle.Active(ctx, pool) // want `^rows from middle\.Active is not closed on the path that returns at crosspkg\.go:115; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return helpers.User{}, err
	}
	return middle.Peek(rows)
}

// Recursive and mutually recursive helpers close the rows.
func drained(ctx context.Context, pool *pgxpool.Pool) error {
	rows, err := pool.Query(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	helpers.DrainEven(rows, 4)
	return nil
}

// A generic helper's fact holds for its instantiation.
func generic(ctx context.Context, pool *pgxpool.Pool) string {
	rows, err := pool.Query(ctx, "SELECT 1")
	if err != nil {
		return ""
	}
	return helpers.CloseWith(rows, "done")
}

// The method of a generic type returns owned rows.
func genericRepo(ctx context.Context, r *helpers.Repo[helpers.User]) error {
	rows, err := r.Rows(ctx) // want `^rows from r\.Rows is not closed on the path that returns at crosspkg\.go:144; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	if rows.Next() {
		return nil
	}
	return rows.Err()
}

func genericRepoClosed(ctx context.Context, r *helpers.Repo[helpers.User]) error {
	rows, err := r.Rows(ctx)
	if err != nil {
		return err
	}
	defer rows.Close()
	return nil
}

// A wrapper type from another package: its constructor's callers must
// close it.
func cursorLeak(ctx context.Context, pool *pgxpool.Pool) (int, error) {
	c, err := helpers.OpenCursor(ctx, pool) // want `^UserCursor c from helpers\.OpenCursor is not closed on the path that returns at crosspkg\.go:169; defer c\.Close\(\) after the error check$`
	if err != nil {
		return 0, err
	}
	n := 0
	if c.Next() {
		n++
	}
	return n, nil
}

// Drained: the cursor's Next returns its rows' Next, which closes them
// when it returns false.
func cursorDrained(ctx context.Context, pool *pgxpool.Pool) (int, error) {
	c, err := helpers.OpenCursor(ctx, pool)
	if err != nil {
		return 0, err
	}
	n := 0
	for c.Next() {
		n++
	}
	return n, nil
}

func cursorClosed(ctx context.Context, pool *pgxpool.Pool) (int, error) {
	c, err := helpers.OpenCursor(ctx, pool)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	n := 0
	for c.Next() {
		n++
	}
	return n, nil
}

// A function value, about which no fact can exist, returning rows:
// they are owned.
func viaFuncValue(ctx context.Context, query func(context.Context) (*sql.Rows, error)) (bool, error) {
	rows, err := query(ctx) // want `^rows from query is not closed on the path that returns at crosspkg\.go:207; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return false, err
	}
	if rows.Next() {
		return true, nil
	}
	return false, nil
}

// An interface method the facts cannot describe: unclear, silent.
type closer interface{ Finish(*sql.Rows) }

func viaInterface(ctx context.Context, db *sql.DB, c closer) error {
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	c.Finish(rows)
	return nil
}
