// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package fixed

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/dbleaklint/dbleaklint/examples/userservice/model"
)

// ListOrders returns the orders of a user, newest first.
func (s *Service) ListOrders(ctx context.Context, userID int64) ([]model.Order, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, user_id, amount_cents, status, created_at
		   FROM orders WHERE user_id = $1 ORDER BY created_at DESC, id DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("query orders: %w", err)
	}
	// Fixed: closed on every path, the Scan error return included.
	defer rows.Close()

	orders := []model.Order{}
	for rows.Next() {
		var o model.Order
		if err := rows.Scan(&o.ID, &o.UserID, &o.AmountCents, &o.Status, &o.CreatedAt); err != nil {
			return nil, fmt.Errorf("scan order: %w", err)
		}
		orders = append(orders, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate orders: %w", err)
	}
	return orders, nil
}

// OrderTotal returns what a user has spent on orders that were not cancelled.
// The dashboard asks for it on every page load, so it is cached for a while.
func (s *Service) OrderTotal(ctx context.Context, userID int64) (int64, error) {
	// Fixed: look in the cache first, and query only on a miss, so that the
	// *sql.Row is always scanned.
	if total, ok := s.totals.get(userID); ok {
		return total, nil
	}

	var total int64
	err := s.db.QueryRowContext(ctx,
		`SELECT COALESCE(SUM(amount_cents), 0)::bigint
		   FROM orders WHERE user_id = $1 AND status <> 'cancelled'`, userID,
	).Scan(&total)
	if err != nil {
		return 0, fmt.Errorf("query order total: %w", err)
	}
	s.totals.put(userID, total)
	return total, nil
}

// CreateOrder records a paid order for a user and takes its amount from the
// user's first account, in one transaction.
func (s *Service) CreateOrder(ctx context.Context, userID int64, in model.NewOrder) (model.Order, error) {
	if in.AmountCents <= 0 {
		return model.Order{}, fmt.Errorf("%w: amount must be positive", model.ErrInvalid)
	}

	o := model.Order{UserID: userID, AmountCents: in.AmountCents}
	err := s.pool.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		var accountID, balance int64
		err := tx.QueryRow(ctx,
			`SELECT id, balance_cents FROM accounts WHERE user_id = $1 ORDER BY id LIMIT 1 FOR UPDATE`, userID,
		).Scan(&accountID, &balance)
		if errors.Is(err, pgx.ErrNoRows) {
			return model.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("lock account: %w", err)
		}
		if balance < in.AmountCents {
			return model.ErrInsufficientFunds
		}

		if _, err := tx.Exec(ctx,
			`UPDATE accounts SET balance_cents = balance_cents - $1 WHERE id = $2`, in.AmountCents, accountID); err != nil {
			return fmt.Errorf("debit account: %w", err)
		}
		err = tx.QueryRow(ctx,
			`INSERT INTO orders (user_id, amount_cents) VALUES ($1, $2) RETURNING id, status, created_at`,
			userID, in.AmountCents,
		).Scan(&o.ID, &o.Status, &o.CreatedAt)
		if err != nil {
			return fmt.Errorf("insert order: %w", err)
		}
		return nil
	})
	if err != nil {
		return model.Order{}, err
	}
	s.totals.forget(userID)
	return o, nil
}

// CancelOrder cancels a paid order and refunds its amount to the user's first
// account, in one transaction.
func (s *Service) CancelOrder(ctx context.Context, orderID int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	// Rollback is a no-op once Commit has succeeded.
	defer tx.Rollback()

	var userID, amount int64
	err = tx.QueryRowContext(ctx,
		`UPDATE orders SET status = 'cancelled' WHERE id = $1 AND status = 'paid'
		 RETURNING user_id, amount_cents`, orderID,
	).Scan(&userID, &amount)
	if errors.Is(err, sql.ErrNoRows) {
		return model.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("cancel order: %w", err)
	}

	if _, err := tx.ExecContext(ctx,
		`UPDATE accounts SET balance_cents = balance_cents + $1
		  WHERE id = (SELECT min(id) FROM accounts WHERE user_id = $2)`, amount, userID); err != nil {
		return fmt.Errorf("refund: %w", err)
	}

	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.totals.forget(userID)
	return nil
}
