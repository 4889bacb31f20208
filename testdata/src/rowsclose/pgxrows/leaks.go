// Package pgxrows holds rowsclose cases for pgx v5: rows from a pool, a
// connection, a transaction, a pooled connection and an sqlc-style DBTX.
package pgxrows

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	http "nethttp"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The cases whose messages name a line come first: line numbers are fragile.

// An early return between the error check and the defer leaves the rows open.
func activeEmails(ctx context.Context, pool *pgxpool.Pool, limit int) ([]string, error) {
	rows, err := pool.Query(ctx, "SELECT email FROM users WHERE active LIMIT $1", limit) // want `rows from pool\.Query is not closed on the path that returns at leaks\.go:26; defer rows\.Close\(\) after the error check`
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
func exportOrders(ctx context.Context, conn *pgx.Conn, w io.Writer) error {
	rows, err := conn.Query(ctx, "SELECT id, total FROM orders") // want `rows from conn\.Query is not closed on the path that returns at leaks\.go:47; defer rows\.Close\(\) after the error check`
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

// Only a failed Scan closes pgx rows: returning on another condition inside
// the loop leaves them open.
func firstAdmin(ctx context.Context, tx pgx.Tx) (User, error) {
	rows, err := tx.Query(ctx, "SELECT id, email, admin FROM users ORDER BY id") // want `rows from tx\.Query is not closed on the path that returns at leaks\.go:73; defer rows\.Close\(\) after the error check`
	if err != nil {
		return User{}, err
	}
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email, &u.Admin); err != nil {
			return User{}, err
		}
		if u.Admin {
			return u, nil
		}
	}
	return User{}, errNoAdmin
}

// Breaking out of the rows.Next loop skips the closing that Next would do
// when it returns false.
func idByEmail(ctx context.Context, c *pgxpool.Conn, email string) (int64, error) {
	rows, err := c.Query(ctx, "SELECT id, email FROM users") // want `rows from c\.Query is not closed on the path that breaks out of the loop at leaks\.go:93 and returns at leaks\.go:96; defer rows\.Close\(\) after the error check`
	if err != nil {
		return 0, err
	}
	var id int64
	for rows.Next() {
		var e string
		if err := rows.Scan(&id, &e); err != nil {
			return 0, err
		}
		if e == email {
			break
		}
	}
	return id, rows.Err()
}

// A continue in the outer loop skips the Close at the bottom of its body.
func ordersPerUser(ctx context.Context, pool *pgxpool.Pool, userIDs []int64, skip map[int64]bool) (map[int64]int, error) {
	counts := make(map[int64]int)
	for _, id := range userIDs {
		rows, err := pool.Query(ctx, "SELECT id FROM orders WHERE user_id = $1", id) // want `rows from pool\.Query is not closed when the loop continues at leaks\.go:108; release it before the next iteration, or move the loop body into a function`
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

// Each iteration opens rows that only the first row is read from.
func latestOrderIDs(ctx context.Context, pool *pgxpool.Pool, userIDs []int64) ([]int64, error) {
	var ids []int64
	for _, uid := range userIDs {
		rows, err := pool.Query(ctx, "SELECT id FROM orders WHERE user_id = $1 ORDER BY created_at DESC", uid) // want `rows from pool\.Query is not closed before the loop iterates again at leaks\.go:133; release it before the next iteration, or move the loop body into a function`
		if err != nil {
			return nil, err
		}
		if rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return nil, err
			}
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// Only some cases of the switch release the rows; an unknown format falls
// through to the return with the rows open.
func userReport(ctx context.Context, pool *pgxpool.Pool, format string, w io.Writer) error {
	rows, err := pool.Query(ctx, "SELECT id, email FROM users") // want `rows from pool\.Query is not closed on the path that returns at leaks\.go:155; defer rows\.Close\(\) after the error check`
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
func streamUsers(ctx context.Context, pool *pgxpool.Pool, out chan<- User) error {
	rows, err := pool.Query(ctx, "SELECT id, email FROM users") // want `rows from pool\.Query is not closed on the path that returns at leaks\.go:172; defer rows\.Close\(\) after the error check`
	if err != nil {
		return err
	}
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email); err != nil {
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
func firstUserAndOrder(ctx context.Context, pool *pgxpool.Pool) (int64, int64, error) {
	var rows pgx.Rows
	first := func() (int64, error) {
		var id int64
		if rows.Next() {
			err := rows.Scan(&id)
			return id, err
		}
		return 0, rows.Err()
	}
	var err error
	rows, err = pool.Query(ctx, "SELECT id FROM users ORDER BY id") // want `rows from pool\.Query is not closed before the variable holding it is overwritten at leaks\.go:196; release it before the variable is assigned again`
	if err != nil {
		return 0, 0, err
	}
	user, _ := first()
	rows, err = pool.Query(ctx, "SELECT id FROM orders ORDER BY id")
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	order, err := first()
	return user, order, err
}

// defer rows.Close() evaluates rows at once: it closes the first result
// set, and the second one, assigned to the same variable, stays open.
func referralStats(ctx context.Context, conn *pgx.Conn, uid int64) (int, int, error) {
	rows, err := conn.Query(ctx, "SELECT id FROM users WHERE referrer_id = $1", uid)
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	referred := 0
	for rows.Next() {
		referred++
	}
	rows, err = conn.Query(ctx, "SELECT count(*) FROM orders WHERE user_id = $1", uid) // want `rows from conn\.Query is not closed on the path that returns at leaks\.go:227; defer rows\.Close\(\) after the error check`
	if err != nil {
		return 0, 0, err
	}
	orders := 0
	if rows.Next() {
		if err := rows.Scan(&orders); err != nil {
			return 0, 0, err
		}
	}
	return referred, orders, nil
}

// The leak is in a function literal.
func adminsHandler(pool *pgxpool.Pool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rows, err := pool.Query(r.Context(), "SELECT email FROM users WHERE admin") // want `rows from pool\.Query is not closed on the path that returns at leaks\.go:245; defer rows\.Close\(\) after the error check`
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		for rows.Next() {
			var email string
			if err := rows.Scan(&email); err != nil {
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
func logNewestUser(ctx context.Context, pool *pgxpool.Pool, logger *log.Logger) {
	rows, err := pool.Query(ctx, "SELECT email FROM users ORDER BY created_at DESC") // want `rows from pool\.Query is not closed on the path that returns at leaks\.go:264; defer rows\.Close\(\) after the error check`
	if err != nil {
		logger.Print(err)
		return
	}
	if rows.Next() {
		var email string
		if rows.Scan(&email) == nil {
			logger.Print(email)
		}
	}
}

// Two returns leak: the message names the first and counts the others.
func checkQuota(ctx context.Context, pool *pgxpool.Pool, uid int64, max int) error {
	rows, err := pool.Query(ctx, "SELECT amount FROM orders WHERE user_id = $1", uid) // want `rows from pool\.Query is not closed on the path that returns at leaks\.go:279 \(and 1 other exit\); defer rows\.Close\(\) after the error check`
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

// The diagnostic is on the line of the call's opening parenthesis.
func usersInOrg(ctx context.Context, pool *pgxpool.Pool, org int64) (int, error) {
	rows, err := pool.Query(ctx, // want `rows from pool\.Query is not closed on the path that breaks out of the loop at leaks\.go:300 and returns at leaks\.go:303; defer rows\.Close\(\) after the error check`
		"SELECT id FROM users WHERE org_id = $1",
		org,
	)
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		if n++; n == 1000 {
			break
		}
	}
	return n, nil
}

// Rows from a batch's Query are rows like any other.
func batchedEmails(ctx context.Context, pool *pgxpool.Pool, ids []int64) ([]string, error) {
	b := &pgx.Batch{}
	b.Queue("SELECT email FROM users WHERE id = ANY($1)", ids)
	br := pool.SendBatch(ctx, b)
	defer br.Close()
	rows, err := br.Query() // want `rows from br\.Query is not closed on the path that returns at leaks\.go:323; defer rows\.Close\(\) after the error check`
	if err != nil {
		return nil, err
	}
	var emails []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		if e == "" {
			return emails, errors.New("user without email")
		}
		emails = append(emails, e)
	}
	return emails, nil
}

// A Query call used as a statement.
func notifyUsersChanged(ctx context.Context, conn *pgx.Conn) {
	conn.Query(ctx, "NOTIFY users_changed") // want `rows from conn\.Query is not closed: the result is discarded`
}

func firstOrderID(ctx context.Context, pool *pgxpool.Pool, uid int64) (int64, error) {
	rows, err := pool.Query(ctx, "SELECT id FROM orders WHERE user_id = $1 ORDER BY id", uid) // want `rows from pool\.Query is not closed on the path that returns at leaks\.go:340; defer rows\.Close\(\) after the error check`
	if err != nil {
		return 0, err
	}
	return readID(rows)
}

func readID(rows pgx.Rows) (int64, error) {
	var id int64
	if rows.Next() {
		err := rows.Scan(&id)
		return id, err
	}
	return 0, rows.Err()
}

func txOrderCount(ctx context.Context, tx *pgxpool.Tx, uid int64) (int, error) {
	rows, err := tx.Query(ctx, "SELECT id FROM orders WHERE user_id = $1", uid) // want `rows from tx\.Query is not closed on the path that returns at leaks\.go:360; defer rows\.Close\(\) after the error check`
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		if n++; n > 100 {
			return 0, fmt.Errorf("user %d has too many orders", uid)
		}
	}
	return n, nil
}

// The return is taken on the Scan error or on a bad value: only the first
// closes the rows.
func sumOrders(ctx context.Context, pool *pgxpool.Pool) (int64, error) {
	rows, err := pool.Query(ctx, "SELECT total FROM orders") // want `rows from pool\.Query is not closed on the path that returns at leaks\.go:377; defer rows\.Close\(\) after the error check`
	if err != nil {
		return 0, err
	}
	var sum int64
	for rows.Next() {
		var total int64
		if err := rows.Scan(&total); err != nil || total < 0 {
			return 0, err
		}
		sum += total
	}
	return sum, rows.Err()
}
