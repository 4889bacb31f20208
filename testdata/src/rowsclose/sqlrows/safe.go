package sqlrows

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log"
	"os"

	"rowsclose/sink"
)

// The idiom: defer rows.Close() right after the error check.
func allUsers(ctx context.Context, db *sql.DB) ([]User, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, email FROM users") // ok
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email); err != nil {
			return nil, err
		}
		users = append(users, u)
		if len(users) == 100 {
			return users, nil
		}
	}
	return users, rows.Err()
}

// Clean twin of userEmails: close before returning the Scan error. The
// loop that runs until Next returns false closes the rows itself.
func userEmailsClosed(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT email FROM users") // ok
	if err != nil {
		return nil, err
	}
	var emails []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			rows.Close()
			return nil, err
		}
		emails = append(emails, e)
	}
	return emails, rows.Err()
}

// Clean twin of idByEmail: close after breaking out of the loop.
func idByEmailClosed(ctx context.Context, stmt *sql.Stmt, email string) (int64, error) {
	rows, err := stmt.QueryContext(ctx) // ok
	if err != nil {
		return 0, err
	}
	defer rows.Close()
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

// Rows of a Conn, closed on every branch.
func hasOrders(ctx context.Context, conn *sql.Conn, uid int64) (bool, error) {
	rows, err := conn.QueryContext(ctx, "SELECT 1 FROM orders WHERE user_id = ? LIMIT 1", uid) // ok
	if err != nil {
		return false, err
	}
	if rows.Next() {
		return true, rows.Close()
	}
	if err := rows.Close(); err != nil {
		return false, err
	}
	return false, rows.Err()
}

// Clean twin of userReport: every case of the switch releases the rows.
func userReportClosed(ctx context.Context, db *sql.DB, format string, w io.Writer) error {
	rows, err := db.QueryContext(ctx, "SELECT id, email FROM users") // ok
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

// Clean twin of streamUsers.
func streamUsersClosed(ctx context.Context, db *sql.DB, out chan<- User) error {
	rows, err := db.QueryContext(ctx, "SELECT id, email FROM users") // ok
	if err != nil {
		return err
	}
	defer rows.Close()
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

// Clean twin of ordersPerUser: close before continuing.
func ordersPerUserClosed(ctx context.Context, db *sql.DB, userIDs []int64, skip map[int64]bool) (map[int64]int, error) {
	counts := make(map[int64]int)
	for _, id := range userIDs {
		rows, err := db.QueryContext(ctx, "SELECT id FROM orders WHERE user_id = ?", id) // ok
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

// Clean twin of firstPaidOrder: close before the labeled continue.
func firstPaidOrderClosed(ctx context.Context, db *sql.DB, userIDs []int64) (map[int64]int64, error) {
	first := make(map[int64]int64)
users:
	for _, uid := range userIDs {
		rows, err := db.QueryContext(ctx, "SELECT id, paid FROM orders WHERE user_id = ? ORDER BY id", uid) // ok
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
				rows.Close()
				continue users
			}
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return first, nil
}

// Clean twin of latestOrderIDs: the loop body is a function with a defer.
func latestOrderIDsClosed(ctx context.Context, db *sql.DB, userIDs []int64) ([]int64, error) {
	var ids []int64
	for _, uid := range userIDs {
		err := func() error {
			rows, err := db.QueryContext(ctx, "SELECT id FROM orders WHERE user_id = ? ORDER BY created_at DESC", uid) // ok
			if err != nil {
				return err
			}
			defer rows.Close()
			if rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					return err
				}
				ids = append(ids, id)
			}
			return rows.Err()
		}()
		if err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// Clean twin of firstUserAndOrder.
func firstUserAndOrderClosed(ctx context.Context, db *sql.DB) (int64, int64, error) {
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
	rows, err = db.QueryContext(ctx, "SELECT id FROM users ORDER BY id") // ok
	if err != nil {
		return 0, 0, err
	}
	user, _ := first()
	rows.Close()
	rows, err = db.QueryContext(ctx, "SELECT id FROM orders ORDER BY id") // ok
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	order, err := first()
	return user, order, err
}

// Clean twin of archiveFirstOrder.
func archiveFirstOrderClosed(ctx context.Context, tx *sql.Tx, uid int64) error {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM orders WHERE user_id = ? ORDER BY id", uid) // ok
	if err != nil {
		return err
	}
	if !rows.Next() {
		return rows.Err()
	}
	var id int64
	err = rows.Scan(&id)
	rows.Close()
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE orders SET archived = true WHERE id = ?", id)
	return err
}

// Returned to the caller, who closes them.
func queryOrders(ctx context.Context, db *sql.DB, uid int64) (*sql.Rows, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, total FROM orders WHERE user_id = ?", uid) // ok
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// Closed by a helper of this package.
func firstEmail(ctx context.Context, db *sql.DB) (string, error) {
	rows, err := db.QueryContext(ctx, "SELECT email FROM users ORDER BY id LIMIT 1") // ok
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
func newestEmail(ctx context.Context, db *sql.DB) (string, error) {
	rows, err := db.QueryContext(ctx, "SELECT email FROM users ORDER BY created_at DESC") // ok
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

// Closed by a deferred function literal that reports the Close error.
func oldestEmail(ctx context.Context, db *sql.DB) (e string, err error) {
	rows, err := db.QueryContext(ctx, "SELECT email FROM users ORDER BY created_at") // ok
	if err != nil {
		return "", err
	}
	defer func() {
		if cerr := rows.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	if !rows.Next() {
		return "", rows.Err()
	}
	return e, rows.Scan(&e)
}

// Closed by a deferred function literal that ignores the Close error.
func userCount(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users") // ok
	if err != nil {
		return 0, err
	}
	defer func() { _ = rows.Close() }()
	n := 0
	for rows.Next() {
		if n++; n > 10000 {
			return n, nil
		}
	}
	return n, rows.Err()
}

// The error check written the other way round.
func adminEmails(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT email FROM users WHERE admin") // ok
	var emails []string
	if err == nil {
		defer rows.Close()
		for rows.Next() {
			var e string
			if err := rows.Scan(&e); err != nil {
				return nil, err
			}
			emails = append(emails, e)
		}
		err = rows.Err()
	}
	return emails, err
}

// A nil check on the rows instead of the error.
func orderIDs(ctx context.Context, db *sql.DB, uid int64) ([]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM orders WHERE user_id = ?", uid) // ok
	if rows != nil {
		defer rows.Close()
	}
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
	return ids, rows.Err()
}

// A path that ends in log.Fatal, os.Exit or panic does not return: it is
// no leak.
func mustLoadAdmins(ctx context.Context, db *sql.DB) []User {
	rows, err := db.QueryContext(ctx, "SELECT id, email FROM users WHERE admin") // ok
	if err != nil {
		log.Fatal(err)
	}
	var admins []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email); err != nil {
			log.Fatalf("scan admin: %v", err)
		}
		if u.Email == "" {
			panic(fmt.Sprintf("admin %d has no email", u.ID))
		}
		if u.ID == 0 {
			fmt.Fprintln(os.Stderr, "admin with id 0")
			os.Exit(2)
		}
		admins = append(admins, u)
	}
	return admins
}

// userCursor holds open rows across calls; who closes them is not clear,
// so the analyzer stays silent.
type userCursor struct {
	rows *sql.Rows
}

func (c *userCursor) open(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT id, email FROM users ORDER BY id") // ok
	if err != nil {
		return err
	}
	c.rows = rows
	return nil
}

// Passed to a function of another package: ownership is unclear.
func exportAll(ctx context.Context, db *sql.DB, w io.Writer) error {
	rows, err := db.QueryContext(ctx, "SELECT id, email FROM users") // ok
	if err != nil {
		return err
	}
	return sink.WriteSQLUsers(w, rows)
}

// Closed by the goroutine that reads them.
func streamInBackground(ctx context.Context, db *sql.DB, out chan<- string) error {
	rows, err := db.QueryContext(ctx, "SELECT email FROM users") // ok
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

// Clean twin of listUsersUpTo.
func listUsers(ctx context.Context, q Querier) ([]User, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, email FROM users ORDER BY id") // ok
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

// A type with QueryContext and Close methods that is not database/sql.
type fakeDB struct{}

type fakeRows struct{ n int }

func (fakeDB) QueryContext(ctx context.Context, query string, args ...any) (*fakeRows, error) {
	return &fakeRows{}, nil
}

func (r *fakeRows) Next() bool   { r.n++; return r.n < 3 }
func (r *fakeRows) Close() error { return nil }

func fakeUserCount(ctx context.Context, db fakeDB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users") // ok
	if err != nil {
		return 0, err
	}
	n := 0
	if rows.Next() {
		n++
	}
	return n, nil
}

func openOrders(ctx context.Context, db *sql.DB) (rows *sql.Rows, err error) {
	rows, err = db.QueryContext(ctx, "SELECT id, total FROM orders") // ok
	return
}

func userExists(ctx context.Context, db *sql.DB, email string) bool {
	if rows, err := db.QueryContext(ctx, "SELECT 1 FROM users WHERE email = ?", email); err == nil { // ok
		defer rows.Close()
		return rows.Next()
	}
	return false
}

// Clean twin of firstOrderID: the helper borrows, the caller closes.
func firstOrderIDClosed(ctx context.Context, db *sql.DB, uid int64) (int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM orders WHERE user_id = ? ORDER BY id", uid) // ok
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	return readID(rows)
}
