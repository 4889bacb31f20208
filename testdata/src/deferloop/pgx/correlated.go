package pgxloops

import (
	"context"

	"github.com/jackc/pgx/v5"
)

type step struct {
	sql   string
	useTx bool
}

// The same condition tested twice takes the same edge both times: the
// transaction begun when useTx holds is committed when it holds again.
func applySteps(ctx context.Context, conn *pgx.Conn, steps []step) error {
	for _, st := range steps {
		var tx pgx.Tx
		var err error
		if st.useTx {
			tx, err = conn.Begin(ctx)
			if err != nil {
				return err
			}
			defer tx.Rollback(ctx) // ok: committed before the next iteration
		}
		if _, err := conn.Exec(ctx, st.sql); err != nil {
			return err
		}
		if st.useTx {
			if err := tx.Commit(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// The same with a parameter.
func applyAll(ctx context.Context, conn *pgx.Conn, sqls []string, useTx bool) error {
	for _, q := range sqls {
		var tx pgx.Tx
		var err error
		if useTx {
			tx, err = conn.Begin(ctx)
			if err != nil {
				return err
			}
			defer tx.Rollback(ctx) // ok: committed before the next iteration
		}
		if _, err := conn.Exec(ctx, q); err != nil {
			return err
		}
		if useTx {
			if err := tx.Commit(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// The leaking twin: the second test is of another condition.
func applyMost(ctx context.Context, conn *pgx.Conn, steps []step, commit bool) error {
	for _, st := range steps {
		var tx pgx.Tx
		var err error
		if st.useTx {
			tx, err = conn.Begin(ctx)
			if err != nil {
				return err
			}
			defer tx.Rollback(ctx) // want `^tx\.Rollback is deferred inside a loop`
		}
		if _, err := conn.Exec(ctx, st.sql); err != nil {
			return err
		}
		if commit {
			if err := tx.Commit(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// The condition changes between the tests: the cell is stored to.
func applyChanging(ctx context.Context, conn *pgx.Conn, steps []step) error {
	for _, st := range steps {
		var tx pgx.Tx
		var err error
		if st.useTx {
			tx, err = conn.Begin(ctx)
			if err != nil {
				return err
			}
			defer tx.Rollback(ctx) // want `^tx\.Rollback is deferred inside a loop`
			st.useTx = len(st.sql) > 10
		}
		if _, err := conn.Exec(ctx, st.sql); err != nil {
			return err
		}
		if st.useTx {
			if err := tx.Commit(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}
