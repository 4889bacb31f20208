package leaky

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/dbleaklint/dbleaklint/examples/userservice/model"
)

// GetUser returns a user with the sum of the balances of their accounts. Both
// lookups run on one connection taken from the pool.
func (s *Service) GetUser(ctx context.Context, id int64) (model.User, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return model.User{}, fmt.Errorf("acquire connection: %w", err)
	}

	var u model.User
	err = conn.QueryRow(ctx,
		`SELECT id, email, name, created_at FROM users WHERE id = $1`, id,
	).Scan(&u.ID, &u.Email, &u.Name, &u.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		// LEAK: the "not found" return skips conn.Release() below. Every
		// request for an unknown user keeps one pool connection checked out
		// for good; once MaxConns of them have come in, every later Acquire
		// blocks until its context gives up.
		return model.User{}, model.ErrNotFound
	}
	if err != nil {
		conn.Release()
		return model.User{}, fmt.Errorf("query user: %w", err)
	}

	err = conn.QueryRow(ctx,
		`SELECT COALESCE(SUM(balance_cents), 0)::bigint FROM accounts WHERE user_id = $1`, id,
	).Scan(&u.BalanceCents)
	conn.Release()
	if err != nil {
		return model.User{}, fmt.Errorf("query balance: %w", err)
	}
	return u, nil
}

// ListUsers returns every user, oldest first, with the sum of the balances
// of their accounts.
func (s *Service) ListUsers(ctx context.Context) ([]model.User, error) {
	rows, err := s.pool.Query(ctx,
		`SELECT u.id, u.email, u.name, u.created_at,
		        COALESCE(SUM(a.balance_cents), 0)::bigint AS balance_cents
		   FROM users u LEFT JOIN accounts a ON a.user_id = u.id
		  GROUP BY u.id ORDER BY u.id`)
	if err != nil {
		return nil, fmt.Errorf("query users: %w", err)
	}
	// CollectRows reads the rows to the end and closes them.
	users, err := pgx.CollectRows(rows, pgx.RowToStructByName[model.User])
	if err != nil {
		return nil, fmt.Errorf("collect users: %w", err)
	}
	return users, nil
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

		tx, err := s.pool.Begin(ctx)
		if err != nil {
			return results, fmt.Errorf("begin: %w", err)
		}

		var id int64
		err = tx.QueryRow(ctx,
			`INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id`, it.Email, it.Name,
		).Scan(&id)
		if err != nil {
			results = append(results, model.BatchResult{Email: it.Email, Error: err.Error()})
			// LEAK: continue skips the tx.Rollback(ctx) at the bottom of the
			// iteration. The failed transaction stays open, holding its pool
			// connection, for every item that fails here (a duplicate email
			// is enough): a few bad batches exhaust the pool.
			continue
		}

		_, err = tx.Exec(ctx,
			`INSERT INTO accounts (user_id, balance_cents) VALUES ($1, $2)`, id, it.InitialBalanceCents)
		if err == nil {
			err = tx.Commit(ctx)
		}
		if err != nil {
			results = append(results, model.BatchResult{Email: it.Email, Error: err.Error()})
		} else {
			results = append(results, model.BatchResult{Email: it.Email, ID: id})
		}
		// No defer in a loop: roll back here. This is a no-op after a
		// successful Commit and ends the transaction when the account insert
		// or the Commit failed.
		_ = tx.Rollback(ctx)
	}
	return results, nil
}
