package dbleakrt

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// WithConn takes a connection from the database, calls fn with it and
// closes it (returning it to the pool) when fn returns, returns an error or
// panics; a panic continues after the close. It returns the acquisition's
// error, an *ExhaustedError when the pool stayed full until ctx ended, or
// fn's. fn must not close the connection, nor use it after returning.
func (d *DB) WithConn(ctx context.Context, fn func(*sql.Conn) error) error {
	c, err := d.db.Conn(ctx)
	if err != nil {
		return d.explain(err)
	}
	defer c.Close()
	return fn(c)
}

// WithTx begins a transaction with opts (nil for the defaults) and calls fn
// with it, as [Pool.WithTx] does: commit when fn returns nil, roll back when
// it returns an error (joined with the rollback's error if that fails) or
// panics (then the panic continues). fn must not commit or roll back the
// transaction itself; it may use [SavepointSQL] for nested work.
//
// database/sql rolls a transaction back when the context given to BeginTx
// is done, so a cancelled ctx ends the transaction even before WithTx does.
func (d *DB) WithTx(ctx context.Context, opts *sql.TxOptions, fn func(*sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, opts)
	if err != nil {
		return d.explain(err)
	}
	returned := false
	defer func() {
		if !returned {
			_ = tx.Rollback() // fn panicked or called runtime.Goexit
		}
	}()
	err = fn(tx)
	returned = true
	if err != nil {
		if rbErr := sqlRollback(tx.Rollback()); rbErr != nil {
			return errors.Join(err, rbErr)
		}
		return err
	}
	return tx.Commit()
}

// savepointName is the savepoint that SavepointSQL sets. Savepoints of the
// same name nest: ROLLBACK TO and RELEASE act on the latest one.
const savepointName = "dbleakrt_savepoint"

// SavepointSQL runs fn in a savepoint of tx, as [Savepoint] does for pgx:
// when fn returns an error or panics, the work since the savepoint is rolled
// back and tx stays usable; when fn returns nil, the savepoint is released.
// It uses the SQL standard's SAVEPOINT, ROLLBACK TO SAVEPOINT and RELEASE
// SAVEPOINT statements, which PostgreSQL, MySQL and SQLite understand.
func SavepointSQL(ctx context.Context, tx *sql.Tx, fn func(*sql.Tx) error) error {
	if _, err := tx.ExecContext(ctx, "SAVEPOINT "+savepointName); err != nil {
		return err
	}
	returned := false
	defer func() {
		if !returned {
			_, _ = tx.ExecContext(context.WithoutCancel(ctx), "ROLLBACK TO SAVEPOINT "+savepointName)
		}
	}()
	err := fn(tx)
	returned = true
	if err != nil {
		_, rbErr := tx.ExecContext(context.WithoutCancel(ctx), "ROLLBACK TO SAVEPOINT "+savepointName)
		if rbErr = sqlRollback(rbErr); rbErr != nil {
			return errors.Join(err, rbErr)
		}
		return err
	}
	_, err = tx.ExecContext(ctx, "RELEASE SAVEPOINT "+savepointName)
	return err
}

// sqlRollback treats a transaction that is already done (rolled back by
// database/sql when its context ended) as rolled back.
func sqlRollback(err error) error {
	if err == nil || errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return fmt.Errorf("dbleakrt: rollback failed: %w", err)
}
