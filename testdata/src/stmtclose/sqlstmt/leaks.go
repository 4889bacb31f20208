// Package sqlstmt holds stmtclose cases: statements prepared on a
// database/sql DB or Conn, and on a Tx (which carry no obligation).
package sqlstmt

import (
	"context"
	"database/sql"
	"fmt"
)

// The cases whose messages name a line come first: line numbers are fragile.

// The example of the documentation: an Exec error returns with the
// statement still prepared.
func insertUsers(ctx context.Context, db *sql.DB, names []string) error {
	stmt, err := db.PrepareContext(ctx, "INSERT INTO users (name) VALUES (?)") // want `statement stmt from db\.PrepareContext is not closed on the path that returns at leaks\.go:22; defer stmt\.Close\(\) after the error check`
	if err != nil {
		return err
	}
	for _, name := range names {
		if _, err := stmt.ExecContext(ctx, name); err != nil {
			return err
		}
	}
	return stmt.Close()
}

// The second Prepare fails and the first statement is never closed.
func prepareOrderStmts(ctx context.Context, db *sql.DB, o Order) error {
	insOrder, err := db.PrepareContext(ctx, "INSERT INTO orders (id, user_id) VALUES (?, ?)") // want `statement insOrder from db\.PrepareContext is not closed on the path that returns at leaks\.go:36; defer insOrder\.Close\(\) after the error check`
	if err != nil {
		return err
	}
	insItem, err := db.PrepareContext(ctx, "INSERT INTO order_items (order_id, sku) VALUES (?, ?)")
	if err != nil {
		return err
	}
	defer insOrder.Close()
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

// An early return on a Conn.
func bumpVersions(ctx context.Context, conn *sql.Conn, ids []int64) error {
	stmt, err := conn.PrepareContext(ctx, "UPDATE users SET version = version + 1 WHERE id = ?") // want `statement stmt from conn\.PrepareContext is not closed on the path that returns at leaks\.go:58; defer stmt\.Close\(\) after the error check`
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return nil
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// A statement prepared in every iteration and never closed: two findings,
// one for the return and one for the next iteration.
func archiveOrders(ctx context.Context, db *sql.DB, tables []string, before int64) error {
	for _, table := range tables {
		stmt, err := db.Prepare("UPDATE " + table + " SET archived = true WHERE created_at < ?") // want `statement stmt from db\.Prepare is not closed on the path that returns at leaks\.go:78; defer stmt\.Close\(\) after the error check` `statement stmt from db\.Prepare is not closed before the loop iterates again at leaks\.go:80; release it before the next iteration, or move the loop body into a function`
		if err != nil {
			return err
		}
		if _, err := stmt.Exec(before); err != nil {
			return fmt.Errorf("archive %s: %w", table, err)
		}
	}
	return nil
}

// A continue that skips the Close at the bottom of the loop body.
func purgeTables(ctx context.Context, db *sql.DB, tables []string, dryRun bool) error {
	for _, table := range tables {
		stmt, err := db.PrepareContext(ctx, "DELETE FROM "+table+" WHERE deleted_at IS NOT NULL") // want `statement stmt from db\.PrepareContext is not closed when the loop continues at leaks\.go:92; release it before the next iteration, or move the loop body into a function`
		if err != nil {
			return err
		}
		if dryRun {
			continue
		}
		_, err = stmt.ExecContext(ctx)
		stmt.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// The variable is captured by a closure: preparing again overwrites the
// statement that was open.
func insertBoth(ctx context.Context, db *sql.DB, name string, total int64) error {
	var stmt *sql.Stmt
	exec := func(args ...any) error {
		_, err := stmt.ExecContext(ctx, args...)
		return err
	}
	var err error
	stmt, err = db.PrepareContext(ctx, "INSERT INTO users (name) VALUES (?)") // want `statement stmt from db\.PrepareContext is not closed before the variable holding it is overwritten at leaks\.go:120; release it before the variable is assigned again`
	if err != nil {
		return err
	}
	if err := exec(name); err != nil {
		stmt.Close()
		return err
	}
	stmt, err = db.PrepareContext(ctx, "INSERT INTO orders (total) VALUES (?)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	return exec(total)
}

// The leak is in a function literal.
func userInserter(ctx context.Context, db *sql.DB) func(names []string) error {
	return func(names []string) error {
		stmt, err := db.PrepareContext(ctx, "INSERT INTO users (name) VALUES (?)") // want `statement stmt from db\.PrepareContext is not closed on the path that returns at leaks\.go:137 \(and 1 other exit\); defer stmt\.Close\(\) after the error check`
		if err != nil {
			return err
		}
		for _, n := range names {
			if n == "" {
				return errEmptyName
			}
			if _, err := stmt.ExecContext(ctx, n); err != nil {
				return err
			}
		}
		return stmt.Close()
	}
}

// Prepare used as a statement: nothing can ever close it.
func warmUp(ctx context.Context, db *sql.DB) {
	db.PrepareContext(ctx, "SELECT id FROM users WHERE email = ?") // want `statement from db\.PrepareContext is not closed: the result is discarded`
}

// A statement bound to a transaction with Tx.Stmt is closed with the
// transaction, but the statement it was made from is not.
func transfer(ctx context.Context, db *sql.DB, from, to, amount int64) error {
	upd, err := db.PrepareContext(ctx, "UPDATE accounts SET balance = balance + ? WHERE id = ?") // want `statement upd from db\.PrepareContext is not closed on the path that returns at leaks\.go:161; defer upd\.Close\(\) after the error check`
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	defer upd.Close()
	s := tx.StmtContext(ctx, upd)
	if _, err := s.ExecContext(ctx, -amount, from); err != nil {
		return err
	}
	if _, err := s.ExecContext(ctx, amount, to); err != nil {
		return err
	}
	return tx.Commit()
}
