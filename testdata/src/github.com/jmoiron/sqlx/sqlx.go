// Stub of github.com/jmoiron/sqlx v1.4.0 for analysistest: declarations
// only, checked against the real module by internal/testutil.

package sqlx

import (
	"context"
	"database/sql"
)

type ColScanner interface {
	Columns() ([]string, error)
	Scan(dest ...interface{}) error
	Err() error
}

type Queryer interface {
	Query(query string, args ...interface{}) (*sql.Rows, error)
	Queryx(query string, args ...interface{}) (*Rows, error)
	QueryRowx(query string, args ...interface{}) *Row
}

type Execer interface {
	Exec(query string, args ...interface{}) (sql.Result, error)
}

type binder interface {
	DriverName() string
	Rebind(string) string
	BindNamed(string, interface{}) (string, []interface{}, error)
}

type Ext interface {
	binder
	Queryer
	Execer
}

type Preparer interface {
	Prepare(query string) (*sql.Stmt, error)
}

type QueryerContext interface {
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
	QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error)
	QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row
}

type PreparerContext interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

type ExecerContext interface {
	ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error)
}

type ExtContext interface {
	binder
	QueryerContext
	ExecerContext
}

type DB struct {
	*sql.DB
}

func Open(driverName, dataSourceName string) (*DB, error)            { return nil, nil }
func Connect(driverName, dataSourceName string) (*DB, error)         { return nil, nil }
func NewDb(db *sql.DB, driverName string) *DB                        { return nil }
func Preparex(p Preparer, query string) (*Stmt, error)               { return nil, nil }
func NamedQuery(e Ext, query string, arg interface{}) (*Rows, error) { return nil, nil }
func NamedExec(e Ext, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}
func Select(q Queryer, dest interface{}, query string, args ...interface{}) error { return nil }
func Get(q Queryer, dest interface{}, query string, args ...interface{}) error    { return nil }
func PreparexContext(ctx context.Context, p PreparerContext, query string) (*Stmt, error) {
	return nil, nil
}
func NamedQueryContext(ctx context.Context, e ExtContext, query string, arg interface{}) (*Rows, error) {
	return nil, nil
}
func SelectContext(ctx context.Context, q QueryerContext, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func GetContext(ctx context.Context, q QueryerContext, dest interface{}, query string, args ...interface{}) error {
	return nil
}

func (db *DB) DriverName() string         { return "" }
func (db *DB) Rebind(query string) string { return "" }
func (db *DB) BindNamed(query string, arg interface{}) (string, []interface{}, error) {
	return "", nil, nil
}
func (db *DB) NamedQuery(query string, arg interface{}) (*Rows, error)     { return nil, nil }
func (db *DB) NamedExec(query string, arg interface{}) (sql.Result, error) { return nil, nil }
func (db *DB) Select(dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) Get(dest interface{}, query string, args ...interface{}) error { return nil }
func (db *DB) MustBegin() *Tx                                                { return nil }
func (db *DB) Beginx() (*Tx, error)                                          { return nil, nil }
func (db *DB) Queryx(query string, args ...interface{}) (*Rows, error)       { return nil, nil }
func (db *DB) QueryRowx(query string, args ...interface{}) *Row              { return nil }
func (db *DB) MustExec(query string, args ...interface{}) sql.Result         { return nil }
func (db *DB) Preparex(query string) (*Stmt, error)                          { return nil, nil }
func (db *DB) PrepareNamed(query string) (*NamedStmt, error)                 { return nil, nil }
func (db *DB) PrepareNamedContext(ctx context.Context, query string) (*NamedStmt, error) {
	return nil, nil
}
func (db *DB) NamedQueryContext(ctx context.Context, query string, arg interface{}) (*Rows, error) {
	return nil, nil
}
func (db *DB) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}
func (db *DB) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) PreparexContext(ctx context.Context, query string) (*Stmt, error) { return nil, nil }
func (db *DB) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	return nil, nil
}
func (db *DB) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	return nil
}
func (db *DB) MustBeginTx(ctx context.Context, opts *sql.TxOptions) *Tx { return nil }
func (db *DB) MustExecContext(ctx context.Context, query string, args ...interface{}) sql.Result {
	return nil
}
func (db *DB) BeginTxx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) { return nil, nil }
func (db *DB) Connx(ctx context.Context) (*Conn, error)                       { return nil, nil }

type Conn struct {
	*sql.Conn
}

func (c *Conn) BeginTxx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) { return nil, nil }
func (c *Conn) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (c *Conn) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (c *Conn) PreparexContext(ctx context.Context, query string) (*Stmt, error) { return nil, nil }
func (c *Conn) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	return nil, nil
}
func (c *Conn) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	return nil
}
func (c *Conn) Rebind(query string) string { return "" }

type Tx struct {
	*sql.Tx
}

func (tx *Tx) DriverName() string         { return "" }
func (tx *Tx) Unsafe() *Tx                { return nil }
func (tx *Tx) Rebind(query string) string { return "" }
func (tx *Tx) BindNamed(query string, arg interface{}) (string, []interface{}, error) {
	return "", nil, nil
}
func (tx *Tx) NamedQuery(query string, arg interface{}) (*Rows, error)     { return nil, nil }
func (tx *Tx) NamedExec(query string, arg interface{}) (sql.Result, error) { return nil, nil }
func (tx *Tx) Select(dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (tx *Tx) Queryx(query string, args ...interface{}) (*Rows, error) { return nil, nil }
func (tx *Tx) QueryRowx(query string, args ...interface{}) *Row        { return nil }
func (tx *Tx) Get(dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (tx *Tx) MustExec(query string, args ...interface{}) sql.Result { return nil }
func (tx *Tx) Preparex(query string) (*Stmt, error)                  { return nil, nil }
func (tx *Tx) Stmtx(stmt interface{}) *Stmt                          { return nil }
func (tx *Tx) NamedStmt(stmt *NamedStmt) *NamedStmt                  { return nil }
func (tx *Tx) PrepareNamed(query string) (*NamedStmt, error)         { return nil, nil }
func (tx *Tx) PreparexContext(ctx context.Context, query string) (*Stmt, error) {
	return nil, nil
}
func (tx *Tx) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	return nil, nil
}
func (tx *Tx) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	return nil
}
func (tx *Tx) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (tx *Tx) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (tx *Tx) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}

type Stmt struct {
	*sql.Stmt
}

func (s *Stmt) Unsafe() *Stmt                                      { return nil }
func (s *Stmt) Select(dest interface{}, args ...interface{}) error { return nil }
func (s *Stmt) Get(dest interface{}, args ...interface{}) error    { return nil }
func (s *Stmt) QueryRowx(args ...interface{}) *Row                 { return nil }
func (s *Stmt) Queryx(args ...interface{}) (*Rows, error)          { return nil, nil }
func (s *Stmt) QueryRowxContext(ctx context.Context, args ...interface{}) *Row {
	return nil
}
func (s *Stmt) QueryxContext(ctx context.Context, args ...interface{}) (*Rows, error) {
	return nil, nil
}

type NamedStmt struct {
	Params      []string
	QueryString string
	Stmt        *Stmt
}

func (n *NamedStmt) Close() error                                   { return nil }
func (n *NamedStmt) Unsafe() *NamedStmt                             { return nil }
func (n *NamedStmt) Exec(arg interface{}) (sql.Result, error)       { return nil, nil }
func (n *NamedStmt) Query(arg interface{}) (*sql.Rows, error)       { return nil, nil }
func (n *NamedStmt) QueryRow(arg interface{}) *Row                  { return nil }
func (n *NamedStmt) Queryx(arg interface{}) (*Rows, error)          { return nil, nil }
func (n *NamedStmt) QueryRowx(arg interface{}) *Row                 { return nil }
func (n *NamedStmt) Select(dest interface{}, arg interface{}) error { return nil }
func (n *NamedStmt) Get(dest interface{}, arg interface{}) error    { return nil }

type Rows struct {
	*sql.Rows
}

func (r *Rows) SliceScan() ([]interface{}, error)         { return nil, nil }
func (r *Rows) MapScan(dest map[string]interface{}) error { return nil }
func (r *Rows) StructScan(dest interface{}) error         { return nil }

type Row struct{}

func (r *Row) Scan(dest ...interface{}) error            { return nil }
func (r *Row) Columns() ([]string, error)                { return nil, nil }
func (r *Row) Err() error                                { return nil }
func (r *Row) SliceScan() ([]interface{}, error)         { return nil, nil }
func (r *Row) MapScan(dest map[string]interface{}) error { return nil }
func (r *Row) StructScan(dest interface{}) error         { return nil }
