// Package callback: a transaction handed to a callback (a function
// value) is borrowed by it, as the scoped-helper idiom has it: the
// helper still owes the commit or rollback.
package callback

import (
	"context"
	"database/sql"
	"errors"
)

var errConflict = errors.New("conflict")

type Store struct{ db *sql.DB }

// A retry loop that continues without rolling back the failed attempt.
func (s *Store) withTxRetry(ctx context.Context, fn func(*sql.Tx) error) error {
	for i := 0; i < 3; i++ {
		tx, err := s.db.BeginTx(ctx, nil) // want `^transaction tx from s\.db\.BeginTx is not committed or rolled back when the loop continues at callback\.go:25; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			if errors.Is(err, errConflict) {
				continue
			}
			tx.Rollback()
			return err
		}
		return tx.Commit()
	}
	return errConflict
}

// The clean twin: every attempt ends its transaction.
func (s *Store) withTxRetryClean(ctx context.Context, fn func(*sql.Tx) error) error {
	for i := 0; i < 3; i++ {
		tx, err := s.db.BeginTx(ctx, nil) // ok
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			tx.Rollback()
			if errors.Is(err, errConflict) {
				continue
			}
			return err
		}
		return tx.Commit()
	}
	return errConflict
}

// A scoped helper whose error branch forgets the rollback.
func (s *Store) withTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil) // want `^transaction tx from s\.db\.BeginTx is not committed or rolled back on the path that returns at callback\.go:61; defer tx\.Rollback\(\) after the error check; it is a no-op after Commit$`
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// The clean twin.
func (s *Store) withTxClean(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil) // ok
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
