package leaky

import (
	"context"
	"fmt"

	"github.com/dbleaklint/dbleaklint/examples/userservice/model"
)

// Deposit adds money to a user's first account, in one transaction, and
// returns the user with the new balance.
func (s *Service) Deposit(ctx context.Context, userID int64, in model.Deposit) (model.User, error) {
	if in.AmountCents <= 0 {
		return model.User{}, fmt.Errorf("%w: amount must be positive", model.ErrInvalid)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return model.User{}, fmt.Errorf("begin: %w", err)
	}
	// Rollback is a no-op once Commit has succeeded.
	defer tx.Rollback(ctx)

	tag, err := tx.Exec(ctx,
		`UPDATE accounts SET balance_cents = balance_cents + $1
		  WHERE id = (SELECT min(id) FROM accounts WHERE user_id = $2)`, in.AmountCents, userID)
	if err != nil {
		return model.User{}, fmt.Errorf("credit: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return model.User{}, model.ErrNotFound
	}
	// NESTED: GetUser takes a second connection from the pool while tx
	// holds one. With a pool of N and N deposits at once, each holds a
	// connection and waits for a second that never comes: the pool is
	// exhausted, and every request times out. (GetUser also cannot see the
	// uncommitted deposit: the answer shows the old balance.)
	u, err := s.GetUser(ctx, userID)
	if err != nil {
		return model.User{}, err
	}
	if err := tx.Commit(ctx); err != nil {
		return model.User{}, fmt.Errorf("commit: %w", err)
	}
	return u, nil
}
