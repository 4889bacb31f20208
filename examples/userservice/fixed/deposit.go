// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package fixed

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/dbleaklint/dbleaklint/examples/userservice/model"
)

// Deposit adds money to a user's first account, in one transaction, and
// returns the user with the new balance.
func (s *Service) Deposit(ctx context.Context, userID int64, in model.Deposit) (model.User, error) {
	if in.AmountCents <= 0 {
		return model.User{}, fmt.Errorf("%w: amount must be positive", model.ErrInvalid)
	}
	var u model.User
	err := s.pool.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx,
			`UPDATE accounts SET balance_cents = balance_cents + $1
			  WHERE id = (SELECT min(id) FROM accounts WHERE user_id = $2)`, in.AmountCents, userID)
		if err != nil {
			return fmt.Errorf("credit: %w", err)
		}
		if tag.RowsAffected() == 0 {
			return model.ErrNotFound
		}
		// Fixed: the user is read on the transaction's own connection,
		// not on a second one taken from the pool while this one is held;
		// and the answer shows the new balance.
		return scanUser(ctx, tx, userID, &u)
	})
	return u, err
}
