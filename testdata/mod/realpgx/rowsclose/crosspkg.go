// Cross-package cases: the helpers of package ownership, through their
// facts, decide what the caller still owes.

package rowsclose

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/realpgx/ownership"
)

// FirstName only borrows the rows, so the caller must still close them.
func firstActive(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	rows, err := ownership.Active(ctx, pool) // want `^rows from ownership\.Active is not closed on the path that returns at crosspkg\.go:20; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return "", err
	}
	return ownership.FirstName(rows)
}

// A releasing helper of another package discharges the caller.
func firstActiveClosed(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	rows, err := ownership.Active(ctx, pool)
	if err != nil {
		return "", err
	}
	defer ownership.CloseQuietly(rows)
	return ownership.FirstName(rows)
}
