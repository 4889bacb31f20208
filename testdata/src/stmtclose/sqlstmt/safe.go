package sqlstmt

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
	"sync"
)

// The idiom: defer stmt.Close() right after the error check.
func insertUsersDeferred(ctx context.Context, db *sql.DB, names []string) error {
	stmt, err := db.PrepareContext(ctx, "INSERT INTO users (name) VALUES (?)") // ok
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, name := range names {
		if _, err := stmt.ExecContext(ctx, name); err != nil {
			return err
		}
	}
	return nil
}

// Clean twin of insertUsers: closed on the error path and at the end.
func insertUsersClosed(ctx context.Context, db *sql.DB, names []string) error {
	stmt, err := db.PrepareContext(ctx, "INSERT INTO users (name) VALUES (?)") // ok
	if err != nil {
		return err
	}
	for _, name := range names {
		if _, err := stmt.ExecContext(ctx, name); err != nil {
			stmt.Close()
			return err
		}
	}
	return stmt.Close()
}

// Clean twin of prepareOrderStmts: each defer follows its error check.
func prepareOrderStmtsDeferred(ctx context.Context, db *sql.DB, o Order) error {
	insOrder, err := db.PrepareContext(ctx, "INSERT INTO orders (id, user_id) VALUES (?, ?)") // ok
	if err != nil {
		return err
	}
	defer insOrder.Close()
	insItem, err := db.PrepareContext(ctx, "INSERT INTO order_items (order_id, sku) VALUES (?, ?)") // ok
	if err != nil {
		return err
	}
	defer insItem.Close()
	if _, err := insOrder.ExecContext(ctx, o.ID, o.UserID); err != nil {
		return err
	}
	for _, sku := range o.SKUs {
		if _, err := insItem.ExecContext(ctx, o.ID, sku); err != nil {
			return err
		}
	}
	return nil
}

// Clean twin of archiveOrders: closed at the end of every iteration.
func archiveOrdersClosed(ctx context.Context, db *sql.DB, tables []string, before int64) error {
	for _, table := range tables {
		stmt, err := db.Prepare("UPDATE " + table + " SET archived = true WHERE created_at < ?") // ok
		if err != nil {
			return err
		}
		_, err = stmt.Exec(before)
		stmt.Close()
		if err != nil {
			return fmt.Errorf("archive %s: %w", table, err)
		}
	}
	return nil
}

// Statements prepared on a transaction are closed when it ends.
func insertInTx(ctx context.Context, tx *sql.Tx, names []string) error {
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO users (name) VALUES (?)") // ok
	if err != nil {
		return err
	}
	for _, name := range names {
		if _, err := stmt.ExecContext(ctx, name); err != nil {
			return err
		}
	}
	legacy, err := tx.Prepare("UPDATE users SET legacy = false") // ok
	if err != nil {
		return err
	}
	_, err = legacy.Exec()
	return err
}

// Returned to the caller, who closes it.
func prepareLookup(ctx context.Context, db *sql.DB) (*sql.Stmt, error) {
	stmt, err := db.PrepareContext(ctx, "SELECT id FROM users WHERE email = ?") // ok
	if err != nil {
		return nil, fmt.Errorf("prepare lookup: %w", err)
	}
	return stmt, nil
}

// Cached in a struct: closed by Repo.Close, which the analyzer cannot see.
type Repo struct {
	db     *sql.DB
	mu     sync.Mutex
	lookup *sql.Stmt
	stmts  map[string]*sql.Stmt
}

func (r *Repo) init(ctx context.Context) error {
	stmt, err := r.db.PrepareContext(ctx, "SELECT id FROM users WHERE email = ?") // ok
	if err != nil {
		return err
	}
	r.lookup = stmt
	return nil
}

func (r *Repo) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.stmts[query]; ok {
		return s, nil
	}
	s, err := r.db.PrepareContext(ctx, query) // ok
	if err != nil {
		return nil, err
	}
	r.stmts[query] = s
	return s, nil
}

// Closed by a deferred function literal that keeps the first error.
func renameUser(ctx context.Context, db *sql.DB, id int64, name string) (err error) {
	stmt, err := db.PrepareContext(ctx, "UPDATE users SET name = ? WHERE id = ?") // ok
	if err != nil {
		return err
	}
	defer func() {
		if cerr := stmt.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	res, err := stmt.ExecContext(ctx, name, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound
	}
	return nil
}

// Closed by a deferred helper of this package.
func deleteUsers(ctx context.Context, db *sql.DB, ids []int64) error {
	stmt, err := db.PrepareContext(ctx, "DELETE FROM users WHERE id = ?") // ok
	if err != nil {
		return err
	}
	defer closeStmt(stmt)
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// Clean twin of userInserter: the function literal defers the Close.
func userInserterDeferred(ctx context.Context, db *sql.DB) func(names []string) error {
	return func(names []string) error {
		stmt, err := db.PrepareContext(ctx, "INSERT INTO users (name) VALUES (?)") // ok
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, n := range names {
			if n == "" {
				return errEmptyName
			}
			if _, err := stmt.ExecContext(ctx, n); err != nil {
				return err
			}
		}
		return nil
	}
}

// The paths without a Close end in log.Fatal.
func mustPrepareAll(ctx context.Context, conn *sql.Conn, queries []string) {
	for _, q := range queries {
		stmt, err := conn.PrepareContext(ctx, q) // ok
		if err != nil {
			log.Fatalf("prepare %q: %v", q, err)
		}
		if _, err := stmt.ExecContext(ctx); err != nil {
			log.Fatalf("exec %q: %v", q, err)
		}
		stmt.Close()
	}
}

// A type with Prepare and Close methods that is not database/sql.
type templates struct{ n int }

type template struct{ t *templates }

func (t *templates) Prepare(text string) (*template, error) {
	t.n++
	return &template{t}, nil
}

func (p *template) Close() error { p.t.n--; return nil }

func render(t *templates) error {
	p, err := t.Prepare("hello {{.}}") // ok
	if err != nil {
		return err
	}
	_ = p
	return nil
}

type Order struct {
	ID, UserID int64
	SKUs       []string
}

var (
	errNotFound  = errors.New("not found")
	errEmptyName = errors.New("empty name")
)

func closeStmt(stmt *sql.Stmt) {
	if err := stmt.Close(); err != nil {
		log.Printf("close statement: %v", err)
	}
}
