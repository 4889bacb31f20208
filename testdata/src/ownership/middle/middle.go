// Package middle sits between ownership/helpers and its users: its
// facts are derived from the facts of helpers.
package middle

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"ownership/helpers"
)

// Active returns helpers' owned rows on to its caller.
func Active(ctx context.Context, pool *pgxpool.Pool) (pgx.Rows, error) { // want Active:`^ownership returns\(0 github.com/jackc/pgx/v5.Rows\) pools\(1\)$`
	return helpers.QueryActive(ctx, pool)
}

// Done passes rows on to a releasing function of another package.
func Done(rows pgx.Rows) { // want Done:`^ownership releases\(0\)$`
	helpers.CloseQuietly(rows)
}

// First reads the first user and closes the rows by defer through
// helpers.
func First(rows pgx.Rows) (helpers.User, error) { // want First:`^ownership releases\(0\)$`
	defer helpers.CloseQuietly(rows)
	return helpers.ScanUser(rows)
}

// Peek only borrows, through helpers.ScanUser.
func Peek(rows pgx.Rows) (helpers.User, error) { // want Peek:`^ownership borrows\(0\)$`
	return helpers.ScanUser(rows)
}
