// Package niltxwrapper holds the corpus's false alarm on a wrapper type
// with Commit and Rollback over a transaction field, made with a nil
// transaction: it only wraps the DB, there is nothing to commit, and it
// is closed by a deferred Close.
//
// Found in go.temporal.io/server@v1.31.2
// common/persistence/sql/sqlplugin/sqlite/plugin.go:123.
package niltxwrapper

import "database/sql"

type db struct {
	db   *sql.DB
	tx   *sql.Tx
	conn interface {
		Exec(query string, args ...any) (sql.Result, error)
	}
}

func newDB(xdb *sql.DB, tx *sql.Tx) *db {
	d := &db{db: xdb, tx: tx, conn: xdb}
	if tx != nil {
		d.conn = tx
	}
	return d
}

func (d *db) Commit() error   { return d.tx.Commit() }
func (d *db) Rollback() error { return d.tx.Rollback() }
func (d *db) Close() error    { return nil }

// Clean: temporal's setupSQLiteDatabase.
func setup(conn *sql.DB, name string) error {
	d := newDB(conn, nil)
	defer func() { _ = d.Close() }()
	if _, err := d.conn.Exec("CREATE DATABASE " + name); err != nil {
		return err
	}
	return nil
}

// Leaking twin: a wrapper made with a real transaction, neither
// committed nor rolled back on the error return.
func setupTx(conn *sql.DB, name string) error {
	tx, err := conn.Begin()
	if err != nil {
		return err
	}
	d := newDB(conn, tx) // want `db d from newDB is not released \(Commit or Rollback\)`
	if _, err := d.conn.Exec("CREATE TABLE " + name + " (id int)"); err != nil {
		return err
	}
	return d.Commit()
}
