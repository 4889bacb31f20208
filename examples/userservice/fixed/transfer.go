// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package fixed

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/dbleaklint/dbleaklint/examples/userservice/model"
)

// Transfer moves money from one account to another in one transaction.
func (s *Service) Transfer(ctx context.Context, t model.Transfer) error {
	if t.AmountCents <= 0 || t.FromAccount == t.ToAccount {
		return fmt.Errorf("%w: amount must be positive and accounts distinct", model.ErrInvalid)
	}
	// Fixed: WithTx rolls back on every error return, the "insufficient
	// funds" one included, and commits when the function returns nil.
	return s.pool.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		var balance int64
		err := tx.QueryRow(ctx,
			`SELECT balance_cents FROM accounts WHERE id = $1 FOR UPDATE`, t.FromAccount,
		).Scan(&balance)
		if errors.Is(err, pgx.ErrNoRows) {
			return model.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("lock source account: %w", err)
		}
		if balance < t.AmountCents {
			return model.ErrInsufficientFunds
		}

		if _, err := tx.Exec(ctx,
			`UPDATE accounts SET balance_cents = balance_cents - $1 WHERE id = $2`, t.AmountCents, t.FromAccount); err != nil {
			return fmt.Errorf("debit: %w", err)
		}
		tag, err := tx.Exec(ctx,
			`UPDATE accounts SET balance_cents = balance_cents + $1 WHERE id = $2`, t.AmountCents, t.ToAccount)
		if err != nil {
			return fmt.Errorf("credit: %w", err)
		}
		if tag.RowsAffected() == 0 {
			return model.ErrNotFound
		}
		return nil
	})
}

// ListAccounts returns the accounts of a user.
func (s *Service) ListAccounts(ctx context.Context, userID int64) ([]model.Account, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, user_id, balance_cents FROM accounts WHERE user_id = $1 ORDER BY id`, userID)
	if err != nil {
		return nil, fmt.Errorf("query accounts: %w", err)
	}
	defer rows.Close()

	accounts := []model.Account{}
	for rows.Next() {
		var a model.Account
		if err := rows.Scan(&a.ID, &a.UserID, &a.BalanceCents); err != nil {
			return nil, fmt.Errorf("scan account: %w", err)
		}
		accounts = append(accounts, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate accounts: %w", err)
	}
	return accounts, nil
}
