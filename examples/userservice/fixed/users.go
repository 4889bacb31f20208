// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package fixed

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/dbleaklint/dbleaklint/examples/userservice/model"
)

// GetUser returns a user with the sum of the balances of their accounts. Both
// lookups run on one connection taken from the pool.
func (s *Service) GetUser(ctx context.Context, id int64) (model.User, error) {
	var u model.User
	// Fixed: WithConn releases the connection on every path, the "not
	// found" return included.
	err := s.pool.WithConn(ctx, func(conn *pgxpool.Conn) error {
		return scanUser(ctx, conn, id, &u)
	})
	if err != nil {
		return model.User{}, err
	}
	return u, nil
}

// querier is what a user is read through: a pooled connection or a
// transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// scanUser reads user id, with the sum of the balances of their accounts,
// through q.
func scanUser(ctx context.Context, q querier, id int64, u *model.User) error {
	err := q.QueryRow(ctx,
		`SELECT id, email, name, created_at FROM users WHERE id = $1`, id,
	).Scan(&u.ID, &u.Email, &u.Name, &u.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return model.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("query user: %w", err)
	}
	err = q.QueryRow(ctx,
		`SELECT COALESCE(SUM(balance_cents), 0)::bigint FROM accounts WHERE user_id = $1`, id,
	).Scan(&u.BalanceCents)
	if err != nil {
		return fmt.Errorf("query balance: %w", err)
	}
	return nil
}

// ListUsers returns every user, oldest first, with the sum of the balances
// of their accounts.
func (s *Service) ListUsers(ctx context.Context) ([]model.User, error) {
	var users []model.User
	err := s.pool.WithConn(ctx, func(conn *pgxpool.Conn) error {
		rows, err := conn.Query(ctx,
			`SELECT u.id, u.email, u.name, u.created_at,
			        COALESCE(SUM(a.balance_cents), 0)::bigint AS balance_cents
			   FROM users u LEFT JOIN accounts a ON a.user_id = u.id
			  GROUP BY u.id ORDER BY u.id`)
		if err != nil {
			return fmt.Errorf("query users: %w", err)
		}
		// CollectRows reads the rows to the end and closes them.
		users, err = pgx.CollectRows(rows, pgx.RowToStructByName[model.User])
		if err != nil {
			return fmt.Errorf("collect users: %w", err)
		}
		return nil
	})
	return users, err
}

// CreateUsers creates each user with an opening account, each in its own
// transaction, so that one bad item (a duplicate email, say) does not fail
// the whole batch. It tells what became of each item.
func (s *Service) CreateUsers(ctx context.Context, items []model.NewUser) ([]model.BatchResult, error) {
	results := make([]model.BatchResult, 0, len(items))
	for _, it := range items {
		it.Email = strings.TrimSpace(it.Email)
		if it.Email == "" || it.InitialBalanceCents < 0 {
			results = append(results, model.BatchResult{Email: it.Email, Error: "email required, balance must not be negative"})
			continue
		}
		// Fixed: WithTx ends each item's transaction whatever happens, so
		// the loop has no Rollback to skip.
		var id int64
		err := s.pool.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
			err := tx.QueryRow(ctx,
				`INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id`, it.Email, it.Name,
			).Scan(&id)
			if err != nil {
				return err
			}
			_, err = tx.Exec(ctx,
				`INSERT INTO accounts (user_id, balance_cents) VALUES ($1, $2)`, id, it.InitialBalanceCents)
			return err
		})
		switch {
		case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
			// No connection for this item: the others would fare no
			// better.
			return results, fmt.Errorf("create user: %w", err)
		case err != nil:
			results = append(results, model.BatchResult{Email: it.Email, Error: err.Error()})
		default:
			results = append(results, model.BatchResult{Email: it.Email, ID: id})
		}
	}
	return results, nil
}
