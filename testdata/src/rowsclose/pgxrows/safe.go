package pgxrows

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"rowsclose/sink"
)

// The idiom: defer rows.Close() right after the error check.
func allUsers(ctx context.Context, pool *pgxpool.Pool) ([]User, error) {
	rows, err := pool.Query(ctx, "SELECT id, email, admin FROM users") // ok
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email, &u.Admin); err != nil {
			return nil, err
		}
		users = append(users, u)
		if len(users) == 100 {
			return users, nil
		}
	}
	return users, rows.Err()
}

// pgx returns closed rows along with an error, so the defer may come before
// the error check.
func allEmails(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	rows, err := conn.Query(ctx, "SELECT email FROM users") // ok
	defer rows.Close()
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

// Clean twin of firstAdmin: a loop that runs until Next returns false closes
// the rows, and so does the failed Scan that the early return is taken on.
func countAdmins(ctx context.Context, tx pgx.Tx) (int, error) {
	rows, err := tx.Query(ctx, "SELECT admin FROM users") // ok
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		var admin bool
		if err := rows.Scan(&admin); err != nil {
			return 0, fmt.Errorf("scan user: %w", err)
		}
		if admin {
			n++
		}
	}
	return n, rows.Err()
}

// The Scan error assigned first and checked on the next line.
func orderTotals(ctx context.Context, c *pgxpool.Conn) (map[int64]int64, error) {
	rows, err := c.Query(ctx, "SELECT id, total FROM orders") // ok
	if err != nil {
		return nil, err
	}
	totals := make(map[int64]int64)
	for rows.Next() {
		var id, total int64
		err := rows.Scan(&id, &total)
		if err != nil {
			return nil, err
		}
		totals[id] = total
	}
	return totals, rows.Err()
}

// Breaking out of the loop on a failed Scan: pgx has closed the rows.
func emailsUntilBadRow(ctx context.Context, pool *pgxpool.Pool) []string {
	rows, err := pool.Query(ctx, "SELECT email FROM users") // ok
	if err != nil {
		return nil
	}
	var emails []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			break
		}
		emails = append(emails, e)
	}
	return emails
}

// Clean twin of idByEmail: close after breaking out of the loop.
func idByEmailClosed(ctx context.Context, c *pgxpool.Conn, email string) (int64, error) {
	rows, err := c.Query(ctx, "SELECT id, email FROM users") // ok
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
	rows.Close()
	return id, rows.Err()
}

func collectUsers(ctx context.Context, pool *pgxpool.Pool) ([]User, error) {
	rows, err := pool.Query(ctx, "SELECT id, email, admin FROM users") // ok
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[User])
}

func collectOneUser(ctx context.Context, pool *pgxpool.Pool, id int64) (User, error) {
	rows, _ := pool.Query(ctx, "SELECT id, email, admin FROM users WHERE id = $1", id) // ok
	return pgx.CollectOneRow(rows, pgx.RowToStructByPos[User])
}

func collectExactlyOneEmail(ctx context.Context, tx pgx.Tx, id int64) (string, error) {
	rows, err := tx.Query(ctx, "SELECT email FROM users WHERE id = $1", id) // ok
	if err != nil {
		return "", err
	}
	return pgx.CollectExactlyOneRow(rows, pgx.RowTo[string])
}

func forEachOrder(ctx context.Context, conn *pgx.Conn, w io.Writer) error {
	var id, total int64
	rows, _ := conn.Query(ctx, "SELECT id, total FROM orders") // ok
	_, err := pgx.ForEachRow(rows, []any{&id, &total}, func() error {
		_, err := fmt.Fprintf(w, "%d,%d\n", id, total)
		return err
	})
	return err
}

func appendAdmins(ctx context.Context, pool *pgxpool.Pool, users []User) ([]User, error) {
	rows, err := pool.Query(ctx, "SELECT id, email, admin FROM users WHERE admin") // ok
	if err != nil {
		return users, err
	}
	return pgx.AppendRows(users, rows, pgx.RowToStructByName[User])
}

// Closed explicitly on every branch.
func hasOrders(ctx context.Context, pool *pgxpool.Pool, uid int64) (bool, error) {
	rows, err := pool.Query(ctx, "SELECT 1 FROM orders WHERE user_id = $1 LIMIT 1", uid) // ok
	if err != nil {
		return false, err
	}
	if rows.Next() {
		rows.Close()
		return true, nil
	}
	rows.Close()
	return false, rows.Err()
}

// Clean twin of userReport: every case of the switch releases the rows.
func userReportClosed(ctx context.Context, pool *pgxpool.Pool, format string, w io.Writer) error {
	rows, err := pool.Query(ctx, "SELECT id, email FROM users") // ok
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
	default:
		rows.Close()
		err = fmt.Errorf("unknown format %q", format)
	}
	return err
}

// Clean twin of streamUsers: the cancelled case closes the rows.
func streamUsersClosed(ctx context.Context, pool *pgxpool.Pool, out chan<- User) error {
	rows, err := pool.Query(ctx, "SELECT id, email FROM users") // ok
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
			rows.Close()
			return ctx.Err()
		}
	}
	return rows.Err()
}

// Clean twin of ordersPerUser: close before continuing.
func ordersPerUserClosed(ctx context.Context, pool *pgxpool.Pool, userIDs []int64, skip map[int64]bool) (map[int64]int, error) {
	counts := make(map[int64]int)
	for _, id := range userIDs {
		rows, err := pool.Query(ctx, "SELECT id FROM orders WHERE user_id = $1", id) // ok
		if err != nil {
			return nil, err
		}
		if skip[id] {
			rows.Close()
			continue
		}
		for rows.Next() {
			counts[id]++
		}
	}
	return counts, nil
}

// Clean twin of latestOrderIDs: close at the end of each iteration.
func latestOrderIDsClosed(ctx context.Context, pool *pgxpool.Pool, userIDs []int64) ([]int64, error) {
	var ids []int64
	for _, uid := range userIDs {
		rows, err := pool.Query(ctx, "SELECT id FROM orders WHERE user_id = $1 ORDER BY created_at DESC", uid) // ok
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
		rows.Close()
	}
	return ids, nil
}

// Clean twin of referralStats: each result set gets its own defer.
func referralStatsClosed(ctx context.Context, conn *pgx.Conn, uid int64) (int, int, error) {
	rows, err := conn.Query(ctx, "SELECT id FROM users WHERE referrer_id = $1", uid) // ok
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	referred := 0
	for rows.Next() {
		referred++
	}
	rows, err = conn.Query(ctx, "SELECT count(*) FROM orders WHERE user_id = $1", uid) // ok
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	orders := 0
	if rows.Next() {
		if err := rows.Scan(&orders); err != nil {
			return 0, 0, err
		}
	}
	return referred, orders, nil
}

// Clean twin of firstUserAndOrder: the first rows are closed before the
// captured variable is assigned again.
func firstUserAndOrderClosed(ctx context.Context, pool *pgxpool.Pool) (int64, int64, error) {
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
	rows, err = pool.Query(ctx, "SELECT id FROM users ORDER BY id") // ok
	if err != nil {
		return 0, 0, err
	}
	user, _ := first()
	rows.Close()
	rows, err = pool.Query(ctx, "SELECT id FROM orders ORDER BY id") // ok
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	order, err := first()
	return user, order, err
}

// Returned to the caller, who closes them.
func queryOrders(ctx context.Context, pool *pgxpool.Pool, uid int64) (pgx.Rows, error) {
	rows, err := pool.Query(ctx, "SELECT id, total FROM orders WHERE user_id = $1", uid) // ok
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// Closed by a helper of this package.
func firstEmail(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	rows, err := pool.Query(ctx, "SELECT email FROM users ORDER BY id LIMIT 1") // ok
	if err != nil {
		return "", err
	}
	var e string
	if rows.Next() {
		err = rows.Scan(&e)
	}
	closeRows(rows)
	return e, err
}

// Closed by a deferred helper of this package.
func newestEmail(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	rows, err := pool.Query(ctx, "SELECT email FROM users ORDER BY created_at DESC") // ok
	if err != nil {
		return "", err
	}
	defer closeQuietly(rows)
	if !rows.Next() {
		return "", rows.Err()
	}
	var e string
	return e, rows.Scan(&e)
}

// Closed by a deferred function literal.
func oldestEmail(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	rows, err := pool.Query(ctx, "SELECT email FROM users ORDER BY created_at") // ok
	if err != nil {
		return "", err
	}
	defer func() {
		rows.Close()
	}()
	if !rows.Next() {
		return "", rows.Err()
	}
	var e string
	return e, rows.Scan(&e)
}

// The error check written the other way round.
func adminEmails(ctx context.Context, pool *pgxpool.Pool) ([]string, error) {
	rows, err := pool.Query(ctx, "SELECT email FROM users WHERE admin") // ok
	var emails []string
	if err == nil {
		defer rows.Close()
		for rows.Next() {
			var e string
			if err := rows.Scan(&e); err != nil {
				return nil, err
			}
			emails = append(emails, e)
			if len(emails) == 10 {
				return emails, nil
			}
		}
		err = rows.Err()
	}
	return emails, err
}

// A path that ends in log.Fatal, os.Exit or panic does not return: it is
// no leak.
func mustLoadAdmins(ctx context.Context, pool *pgxpool.Pool) []User {
	rows, err := pool.Query(ctx, "SELECT id, email, admin FROM users WHERE admin") // ok
	if err != nil {
		log.Fatal(err)
	}
	var admins []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email, &u.Admin); err != nil {
			log.Fatalf("scan admin: %v", err)
		}
		if u.Email == "" {
			log.Fatalf("admin %d has no email", u.ID)
		}
		if !u.Admin {
			panic("query returned a non-admin")
		}
		if u.ID == 0 {
			fmt.Fprintln(os.Stderr, "admin with id 0")
			os.Exit(2)
		}
		if len(admins) > 1000 {
			fatalf("too many admins")
		}
		admins = append(admins, u)
	}
	return admins
}

// fatalf is a local helper that never returns.
func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

// userCursor holds open rows across calls; who closes them is not clear,
// so the analyzer stays silent.
type userCursor struct {
	rows pgx.Rows
}

func (c *userCursor) open(ctx context.Context, pool *pgxpool.Pool) error {
	rows, err := pool.Query(ctx, "SELECT id, email FROM users ORDER BY id") // ok
	if err != nil {
		return err
	}
	c.rows = rows
	return nil
}

// Passed to a function of another package: ownership is unclear.
func exportAll(ctx context.Context, pool *pgxpool.Pool, w io.Writer) error {
	rows, err := pool.Query(ctx, "SELECT id, email FROM users") // ok
	if err != nil {
		return err
	}
	return sink.WriteUsers(w, rows)
}

// Closed by the goroutine that reads them.
func streamInBackground(ctx context.Context, pool *pgxpool.Pool, out chan<- string) error {
	rows, err := pool.Query(ctx, "SELECT email FROM users") // ok
	if err != nil {
		return err
	}
	go func() {
		defer rows.Close()
		defer close(out)
		for rows.Next() {
			var e string
			if rows.Scan(&e) != nil {
				return
			}
			out <- e
		}
	}()
	return nil
}

// Clean twin of adminsHandler: the function literal defers the Close.
func adminsHandlerClosed(pool *pgxpool.Pool) func(context.Context, io.Writer) error {
	return func(ctx context.Context, w io.Writer) error {
		rows, err := pool.Query(ctx, "SELECT email FROM users WHERE admin") // ok
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var email string
			if err := rows.Scan(&email); err != nil {
				return err
			}
			if _, err := fmt.Fprintln(w, email); err != nil {
				return err
			}
		}
		return rows.Err()
	}
}

// Clean twin of batchedEmails.
func batchedEmailsClosed(ctx context.Context, pool *pgxpool.Pool, ids []int64) ([]string, error) {
	b := &pgx.Batch{}
	b.Queue("SELECT email FROM users WHERE id = ANY($1)", ids)
	br := pool.SendBatch(ctx, b)
	defer br.Close()
	rows, err := br.Query() // ok
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var emails []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		if e == "" {
			return emails, fmt.Errorf("user without email")
		}
		emails = append(emails, e)
	}
	return emails, nil
}

// Clean twin of touchUser: Exec for a statement without rows.
func touchUserExec(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	_, err := pool.Exec(ctx, "UPDATE users SET seen_at = now() WHERE id = $1", id) // ok
	return err
}

// A type of this package with Query and Close methods is not pgx: matching
// is by type identity, not by method names.
type cache struct{ open int }

type cacheRows struct{ c *cache }

func (c *cache) Query(ctx context.Context, key string, args ...any) (*cacheRows, error) {
	c.open++
	return &cacheRows{c}, nil
}

func (r *cacheRows) Next() bool { return false }
func (r *cacheRows) Close()     { r.c.open-- }

func cachedUsers(ctx context.Context, c *cache) (int, error) {
	rows, err := c.Query(ctx, "users") // ok
	if err != nil {
		return 0, err
	}
	n := 0
	if rows.Next() {
		n++
	}
	return n, nil
}

func openOrders(ctx context.Context, pool *pgxpool.Pool) (rows pgx.Rows, err error) {
	rows, err = pool.Query(ctx, "SELECT id, total FROM orders") // ok
	return
}

func countOrders(ctx context.Context, conn *pgx.Conn) (int, error) {
	rows, err := conn.Query(ctx, "SELECT id FROM orders") // ok
	if err != nil {
		return 0, err
	}
	closeRows := rows.Close
	defer closeRows()
	n := 0
	for rows.Next() {
		if n++; n > 100 {
			return n, nil
		}
	}
	return n, nil
}

// Clean twin of sumOrders: the bad value closes the rows before returning.
func sumOrdersClosed(ctx context.Context, pool *pgxpool.Pool) (int64, error) {
	rows, err := pool.Query(ctx, "SELECT total FROM orders") // ok
	if err != nil {
		return 0, err
	}
	var sum int64
	for rows.Next() {
		var total int64
		if err := rows.Scan(&total); err != nil {
			return 0, err
		}
		if total < 0 {
			rows.Close()
			return 0, fmt.Errorf("negative order total %d", total)
		}
		sum += total
	}
	return sum, rows.Err()
}

// Clean twin of firstOrderID: the helper borrows, the caller closes.
func firstOrderIDClosed(ctx context.Context, pool *pgxpool.Pool, uid int64) (int64, error) {
	rows, err := pool.Query(ctx, "SELECT id FROM orders WHERE user_id = $1 ORDER BY id", uid) // ok
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	return readID(rows)
}
