// Package sqlrows holds rowsclose cases for database/sql: rows from a DB,
// a Conn, a Tx and a Stmt.
package sqlrows

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	http "nethttp"
)

// The cases whose messages name a line come first: line numbers are fragile.

// An early return between the error check and the defer leaves the rows open.
func activeEmails(ctx context.Context, db *sql.DB, limit int) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT email FROM users WHERE active LIMIT ?", limit) // want `rows from db\.QueryContext is not closed on the path that returns at leaks\.go:22; defer rows\.Close\(\) after the error check`
	if err != nil {
		return nil, err
	}
	if limit == 0 {
		return nil, nil
	}
	defer rows.Close()
	var emails []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		emails = append(emails, e)
	}
	return emails, rows.Err()
}

// An error from a later call returns while the rows are open.
func exportOrders(ctx context.Context, conn *sql.Conn, w io.Writer) error {
	rows, err := conn.QueryContext(ctx, "SELECT id, total FROM orders") // want `rows from conn\.QueryContext is not closed on the path that returns at leaks\.go:43; defer rows\.Close\(\) after the error check`
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintln(w, "id,total"); err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, total int64
		if err := rows.Scan(&id, &total); err != nil {
			return err
		}
		fmt.Fprintf(w, "%d,%d\n", id, total)
	}
	return rows.Err()
}

// With database/sql a failed Scan does not close the rows: returning its
// error inside the loop leaks them.
func userEmails(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT email FROM users") // want `rows from db\.Query is not closed on the path that returns at leaks\.go:67; defer rows\.Close\(\) after the error check`
	if err != nil {
		return nil, err
	}
	var emails []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		emails = append(emails, e)
	}
	return emails, rows.Err()
}

// Breaking out of the rows.Next loop skips the closing that Next would do
// when it returns false.
func idByEmail(ctx context.Context, stmt *sql.Stmt, email string) (int64, error) {
	rows, err := stmt.QueryContext(ctx) // want `rows from stmt\.QueryContext is not closed on the path that breaks out of the loop at leaks\.go:89 and returns at leaks\.go:92; defer rows\.Close\(\) after the error check`
	if err != nil {
		return 0, err
	}
	var id int64
	for rows.Next() {
		var e string
		if err := rows.Scan(&id, &e); err != nil {
			rows.Close()
			return 0, err
		}
		if e == email {
			break
		}
	}
	return id, rows.Err()
}

// A continue in the outer loop skips the Close at the bottom of its body.
func ordersPerUser(ctx context.Context, db *sql.DB, userIDs []int64, skip map[int64]bool) (map[int64]int, error) {
	counts := make(map[int64]int)
	for _, id := range userIDs {
		rows, err := db.QueryContext(ctx, "SELECT id FROM orders WHERE user_id = ?", id) // want `rows from db\.QueryContext is not closed when the loop continues at leaks\.go:104; release it before the next iteration, or move the loop body into a function`
		if err != nil {
			return nil, err
		}
		if skip[id] {
			continue
		}
		for rows.Next() {
			counts[id]++
		}
		rows.Close()
	}
	return counts, nil
}

// A labeled continue of the outer loop, from inside the rows.Next loop.
func firstPaidOrder(ctx context.Context, db *sql.DB, userIDs []int64) (map[int64]int64, error) {
	first := make(map[int64]int64)
users:
	for _, uid := range userIDs {
		rows, err := db.QueryContext(ctx, "SELECT id, paid FROM orders WHERE user_id = ? ORDER BY id", uid) // want `rows from db\.QueryContext is not closed when the loop continues at leaks\.go:132; release it before the next iteration, or move the loop body into a function`
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var paid bool
			if err := rows.Scan(&id, &paid); err != nil {
				rows.Close()
				return nil, err
			}
			if paid {
				first[uid] = id
				continue users
			}
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return first, nil
}

// Each iteration opens rows that only the first row is read from.
func latestOrderIDs(ctx context.Context, db *sql.DB, userIDs []int64) ([]int64, error) {
	var ids []int64
	for _, uid := range userIDs {
		rows, err := db.QueryContext(ctx, "SELECT id FROM orders WHERE user_id = ? ORDER BY created_at DESC", uid) // want `rows from db\.QueryContext is not closed before the loop iterates again at leaks\.go:158; release it before the next iteration, or move the loop body into a function`
		if err != nil {
			return nil, err
		}
		if rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// Only some cases of the switch release the rows.
func userReport(ctx context.Context, db *sql.DB, format string, w io.Writer) error {
	rows, err := db.QueryContext(ctx, "SELECT id, email FROM users") // want `rows from db\.QueryContext is not closed on the path that returns at leaks\.go:179; defer rows\.Close\(\) after the error check`
	if err != nil {
		return err
	}
	switch format {
	case "csv":
		defer rows.Close()
		return writeUsersCSV(w, rows)
	case "count":
		n := 0
		for rows.Next() {
			n++
		}
		_, err = fmt.Fprintln(w, n)
	}
	return err
}

// The select case that gives up on a cancelled context leaves the rows open.
func streamUsers(ctx context.Context, db *sql.DB, out chan<- User) error {
	rows, err := db.QueryContext(ctx, "SELECT id, email FROM users") // want `rows from db\.QueryContext is not closed on the path that returns at leaks\.go:197; defer rows\.Close\(\) after the error check`
	if err != nil {
		return err
	}
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email); err != nil {
			rows.Close()
			return err
		}
		select {
		case out <- u:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return rows.Err()
}

// The variable is captured by a closure, so it lives in a cell: the second
// query overwrites the first rows, which are never closed.
func firstUserAndOrder(ctx context.Context, db *sql.DB) (int64, int64, error) {
	var rows *sql.Rows
	first := func() (int64, error) {
		var id int64
		if rows.Next() {
			err := rows.Scan(&id)
			return id, err
		}
		return 0, rows.Err()
	}
	var err error
	rows, err = db.QueryContext(ctx, "SELECT id FROM users ORDER BY id") // want `rows from db\.QueryContext is not closed before the variable holding it is overwritten at leaks\.go:221; release it before the variable is assigned again`
	if err != nil {
		return 0, 0, err
	}
	user, _ := first()
	rows, err = db.QueryContext(ctx, "SELECT id FROM orders ORDER BY id")
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	order, err := first()
	return user, order, err
}

// defer rows.Close() evaluates rows at once: it closes the first result
// set, and the second one, assigned to the same variable, stays open.
func referralStats(ctx context.Context, tx *sql.Tx, uid int64) (int, int, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM users WHERE referrer_id = ?", uid)
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	referred := 0
	for rows.Next() {
		referred++
	}
	rows, err = tx.QueryContext(ctx, "SELECT count(*) FROM orders WHERE user_id = ?", uid) // want `rows from tx\.QueryContext is not closed on the path that returns at leaks\.go:250; defer rows\.Close\(\) after the error check`
	if err != nil {
		return 0, 0, err
	}
	orders := 0
	if rows.Next() {
		err = rows.Scan(&orders)
	}
	return referred, orders, err
}

// Rows left open in a transaction keep its connection busy: the Exec that
// follows runs while they are still open.
func archiveFirstOrder(ctx context.Context, tx *sql.Tx, uid int64) error {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM orders WHERE user_id = ? ORDER BY id", uid) // want `rows from tx\.QueryContext is not closed on the path that returns at leaks\.go:265 \(and 1 other exit\); defer rows\.Close\(\) after the error check`
	if err != nil {
		return err
	}
	if !rows.Next() {
		return rows.Err()
	}
	var id int64
	if err := rows.Scan(&id); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE orders SET archived = true WHERE id = ?", id)
	return err
}

// The leak is in a function literal.
func adminsHandler(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rows, err := db.QueryContext(r.Context(), "SELECT email FROM users WHERE admin") // want `rows from db\.QueryContext is not closed on the path that returns at leaks\.go:287; defer rows\.Close\(\) after the error check`
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		for rows.Next() {
			var email string
			if err := rows.Scan(&email); err != nil {
				rows.Close()
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			if _, err := fmt.Fprintln(w, email); err != nil {
				return
			}
		}
	}
}

// Without a return statement the rows leak at the closing brace.
func printNewestUser(ctx context.Context, db *sql.DB, w io.Writer) {
	rows, err := db.QueryContext(ctx, "SELECT email FROM users ORDER BY created_at DESC") // want `rows from db\.QueryContext is not closed on the path that returns at leaks\.go:306; defer rows\.Close\(\) after the error check`
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	if rows.Next() {
		var email string
		if rows.Scan(&email) == nil {
			fmt.Fprintln(w, email)
		}
	}
}

// Three returns leak: the message names the first and counts the others.
func checkQuota(ctx context.Context, db *sql.DB, uid int64, max int) error {
	rows, err := db.QueryContext(ctx, "SELECT amount FROM orders WHERE user_id = ?", uid) // want `rows from db\.QueryContext is not closed on the path that returns at leaks\.go:318 \(and 2 other exits\); defer rows\.Close\(\) after the error check`
	if err != nil {
		return err
	}
	n := 0
	for rows.Next() {
		var amount int64
		if err := rows.Scan(&amount); err != nil {
			return err
		}
		if amount < 0 {
			return fmt.Errorf("order with negative amount %d", amount)
		}
		if n++; n > max {
			return errQuota
		}
	}
	return rows.Err()
}

// Through an interface that *sql.DB, *sql.Conn and *sql.Tx satisfy.
func listUsersUpTo(ctx context.Context, q Querier, limit int) ([]User, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, email FROM users ORDER BY id") // want `rows from q\.QueryContext is not closed on the path that returns at leaks\.go:345; defer rows\.Close\(\) after the error check`
	if err != nil {
		return nil, err
	}
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email); err != nil {
			rows.Close()
			return nil, err
		}
		users = append(users, u)
		if len(users) == limit {
			return users, nil
		}
	}
	return users, rows.Err()
}

// A Query call used as a statement.
func refreshStats(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, "SELECT refresh_user_stats()") // want `rows from db\.QueryContext is not closed: the result is discarded`
}

func firstOrderID(ctx context.Context, db *sql.DB, uid int64) (int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM orders WHERE user_id = ? ORDER BY id", uid) // want `rows from db\.QueryContext is not closed on the path that returns at leaks\.go:361; defer rows\.Close\(\) after the error check`
	if err != nil {
		return 0, err
	}
	return readID(rows)
}

func readID(rows *sql.Rows) (int64, error) {
	var id int64
	if rows.Next() {
		err := rows.Scan(&id)
		return id, err
	}
	return 0, rows.Err()
}
