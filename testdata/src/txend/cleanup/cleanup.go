// Package cleanup holds the "tx, cleanup, err := newTx(ctx)" idiom: a
// resource returned together with a function is taken to be released
// by that function, from a function of this package as from a function
// value. None is reported (testdata/src/debug/txend says why, in debug
// mode).
package cleanup

import (
	"context"
	"database/sql"
)

type store struct{ db *sql.DB }

func (s *store) newTx(ctx context.Context) (*sql.Tx, func() error, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	return tx, tx.Rollback, nil
}

func (s *store) rename(ctx context.Context, id int64, name string) error {
	tx, done, err := s.newTx(ctx)
	if err != nil {
		return err
	}
	defer done()
	if _, err := tx.ExecContext(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id); err != nil {
		return err
	}
	return tx.Commit()
}

type txFactory func(context.Context) (*sql.Tx, func() error, error)

type reader struct{ txSource txFactory }

func (r *reader) count(ctx context.Context) (n int, err error) {
	tx, cleanup, err := r.txSource(ctx)
	if err != nil {
		return 0, err
	}
	defer cleanup()
	err = tx.QueryRowContext(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}
