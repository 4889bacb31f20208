// Package helpers is an upstream package of repository helpers: the
// ownership analyzer exports a fact for each function that releases,
// borrows or returns a resource, and the checks use them in the
// packages downstream (ownership/middle, {rowsclose,connrelease,txend}/crosspkg).
package helpers

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrNotFound is returned when no row matches.
var ErrNotFound = errors.New("not found")

// User is a row of users.
type User struct {
	ID   int64
	Name string
}

// CloseQuietly closes rows: passing rows to it discharges the caller.
func CloseQuietly(rows pgx.Rows) { // want CloseQuietly:`^ownership releases\(0\)$`
	rows.Close()
}

// CloseSQL closes database/sql rows, ignoring the error.
func CloseSQL(rows *sql.Rows) { // want CloseSQL:`^ownership releases\(0\)$`
	_ = rows.Close()
}

// ScanUser reads one row and leaves the rows open: its caller, who may
// believe it closes them, still must.
func ScanUser(rows pgx.Rows) (User, error) { // want ScanUser:`^ownership borrows\(0\)$`
	var u User
	if !rows.Next() {
		return u, ErrNotFound
	}
	err := rows.Scan(&u.ID, &u.Name)
	return u, err
}

// ScanAndClose reads one row and closes the rows on every path.
func ScanAndClose(rows pgx.Rows) (User, error) { // want ScanAndClose:`^ownership releases\(0\)$`
	defer rows.Close()
	return ScanUser(rows)
}

// QueryActive returns rows its caller must close.
func QueryActive(ctx context.Context, pool *pgxpool.Pool) (pgx.Rows, error) { // want QueryActive:`^ownership returns\(0 github.com/jackc/pgx/v5.Rows\) pools\(1\)$`
	return pool.Query(ctx, "SELECT id, name FROM users WHERE active")
}

// Acquire hands out a pooled connection with a fresh error check.
func Acquire(ctx context.Context, pool *pgxpool.Pool) (*pgxpool.Conn, error) { // want Acquire:`^ownership returns\(0 \*github.com/jackc/pgx/v5/pgxpool.Conn\) pools\(1\)$`
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	return conn, nil
}

// Lock takes an advisory lock on the connection, which it borrows.
func Lock(ctx context.Context, conn *pgxpool.Conn, key int64) error { // want Lock:`^ownership borrows\(1\)$`
	_, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", key)
	return err
}

// Finish commits on success and rolls back on failure: it releases the
// transaction on every path.
func Finish(ctx context.Context, tx pgx.Tx, err error) error { // want Finish:`^ownership releases\(1\)$`
	if err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// Insert writes a user inside the caller's transaction.
func Insert(ctx context.Context, tx pgx.Tx, u User) error { // want Insert:`^ownership borrows\(1\)$`
	_, err := tx.Exec(ctx, "INSERT INTO users (id, name) VALUES ($1, $2)", u.ID, u.Name)
	return err
}

// Store keeps a connection for its own lifetime.
type Store struct {
	conn *pgxpool.Conn
}

// Conn is a getter: the connection stays the store's, callers owe
// nothing.
func (s *Store) Conn() *pgxpool.Conn {
	return s.conn
}

// drain closes rows after n recursive steps: the fixpoint gives the
// recursion a fact.
func drain(rows pgx.Rows, n int) { // want drain:`^ownership releases\(0\)$`
	if n == 0 {
		rows.Close()
		return
	}
	drain(rows, n-1)
}

// DrainEven and drainOdd close rows through mutual recursion.
func DrainEven(rows pgx.Rows, n int) { // want DrainEven:`^ownership releases\(0\)$`
	if n == 0 {
		drain(rows, 0)
		return
	}
	drainOdd(rows, n-1)
}

func drainOdd(rows pgx.Rows, n int) { // want drainOdd:`^ownership releases\(0\)$`
	DrainEven(rows, n-1)
}

// CloseWith is generic: its fact is on the generic function and holds
// for every instantiation.
func CloseWith[T any](rows pgx.Rows, note T) T { // want CloseWith:`^ownership releases\(0\)$`
	rows.Close()
	return note
}

// Repo is a generic repository whose query method returns owned rows.
type Repo[T any] struct {
	pool *pgxpool.Pool
}

// Rows returns rows its caller must close.
func (r *Repo[T]) Rows(ctx context.Context) (pgx.Rows, error) { // want Rows:`^ownership returns\(0 github.com/jackc/pgx/v5.Rows\) pools\(0.0\)$`
	return r.pool.Query(ctx, "SELECT 1")
}

// UserCursor wraps rows: its Close releases them on every path, so it
// is a resource itself, and OpenCursor's callers must close it.
type UserCursor struct { // want UserCursor:`^wrapper\(rowsclose\) releases rows via Close; drained by Next$`
	rows pgx.Rows
	n    int
}

// OpenCursor returns a fresh cursor.
func OpenCursor(ctx context.Context, pool *pgxpool.Pool) (*UserCursor, error) { // want OpenCursor:`^ownership returns\(0 \*ownership/helpers.UserCursor\) pools\(1\)$`
	rows, err := pool.Query(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	return &UserCursor{rows: rows}, nil
}

// Next advances the cursor.
func (c *UserCursor) Next() bool { // want Next:`^ownership borrows\(0\)$`
	c.n++
	return c.rows.Next()
}

// Close closes the rows.
func (c *UserCursor) Close() {
	if c.rows != nil {
		c.rows.Close()
	}
}

// Snapshot holds a transaction that only Close ends; Peek does not.
// Not every path of Close ends it, so it is no wrapper: its users are
// not held to anything.
type Snapshot struct {
	tx pgx.Tx
}

// Close rolls back only when asked to.
func (s *Snapshot) Close(ctx context.Context, really bool) {
	if really {
		_ = s.tx.Rollback(ctx)
	}
}

// NewSnapshot returns a snapshot over a fresh transaction.
func NewSnapshot(ctx context.Context, pool *pgxpool.Pool) (*Snapshot, error) { // want NewSnapshot:`^ownership pools\(1\)$`
	tx, err := pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return &Snapshot{tx: tx}, nil
}

// Session keeps a connection on success.
type Session struct {
	conn *pgxpool.Conn
}

// NewSession keeps conn when it succeeds and leaves it with the caller
// when it fails.
func NewSession(ctx context.Context, conn *pgxpool.Conn) (*Session, error) { // want NewSession:`^ownership takes\(1\) if err == nil$`
	s := &Session{conn: conn}
	if _, err := conn.Exec(ctx, "SET search_path = app"); err != nil {
		return nil, err
	}
	return s, nil
}

// DrainAndClose closes the rows when it succeeds and leaves them open
// when a scan fails.
func DrainAndClose(rows *sql.Rows) (int, error) { // want DrainAndClose:`^ownership releases\(0\) if err == nil$`
	n := 0
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return 0, err
		}
		n += v
	}
	return n, rows.Close()
}

// CloseStatements closes every statement of stmts: its callers'
// collections are released through it.
func CloseStatements(stmts []*sql.Stmt) { // want CloseStatements:`^ownership releases-elements\(0\)$`
	for _, st := range stmts {
		if st != nil {
			st.Close()
		}
	}
}

// CountStatements only reads the collection.
func CountStatements(byName map[string]*sql.Stmt) int {
	return len(byName)
}
