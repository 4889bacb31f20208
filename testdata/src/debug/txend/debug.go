// Package txend holds transactions whose ownership becomes unclear, for
// the debug mode: by default txend stays silent about them; with
// -txend.debug it says why each is not tracked. A real leak is
// reported in both modes.
package txend

import (
	"context"
	"database/sql"
)

type store struct {
	db *sql.DB
	tx *sql.Tx
}

// Stored in a field: the store owns it now.
func (s *store) begin(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil) // want `^debug: transaction from s\.db\.BeginTx is not tracked: stored in a field`
	if err != nil {
		return err
	}
	s.tx = tx
	return nil
}

// Handed to an interface method, whose ownership of it is unknown.
func (s *store) with(ctx context.Context, r runner) error {
	tx, err := s.db.BeginTx(ctx, nil) // want `^debug: transaction from s\.db\.BeginTx is not tracked: passed to an interface method$`
	if err != nil {
		return err
	}
	return r.Run(tx)
}

type runner interface{ Run(*sql.Tx) error }

// newTx returns the transaction with the function that ends it.
func (s *store) newTx(ctx context.Context) (*sql.Tx, func() error, error) {
	tx, err := s.db.BeginTx(ctx, nil) // want `^debug: transaction from s\.db\.BeginTx is not tracked: captured by a closure that outlives the call$`
	if err != nil {
		return nil, nil, err
	}
	return tx, tx.Rollback, nil
}

// tx, cleanup, err := newTx(ctx): the cleanup is taken to end it, for a
// function of this package as for a function value.
func (s *store) count(ctx context.Context, factory func(context.Context) (*sql.Tx, func() error, error)) (n int, err error) {
	tx, done, err := s.newTx(ctx) // want `^debug: transaction from s\.newTx is not tracked: returned together with a function, which is taken to release it$`
	if err != nil {
		return 0, err
	}
	defer done()
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM users").Scan(&n); err != nil {
		return 0, err
	}
	tx2, done2, err := factory(ctx) // want `^debug: transaction from factory is not tracked: returned together with a function, which is taken to release it$`
	if err != nil {
		return 0, err
	}
	defer done2()
	_, err = tx2.ExecContext(ctx, "SELECT 1")
	return n, err
}

// A real leak is reported in debug mode too.
func (s *store) leak(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil) // want `^transaction tx from s\.db\.BeginTx is not committed or rolled back on the path that returns at debug\.go:74;`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "SELECT 1"); err != nil {
		return err
	}
	return tx.Commit()
}
