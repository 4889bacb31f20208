// Regression cases: each was an engine bug found while writing the tests
// of this check. The comment above each case says what the engine did
// before the fix ("Actual", "actual") and what it must do.
//
//
package pgxbatch

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Fixed bug (incomplete report): two different loop exits leak, the continue
// and the end of the body, but they reach the loop head in the same walk
// state, so only one witness is ever found and only the continue is
// reported. The same happens with rows and statements.
// Expected: both findings.
// Actual: only "batch results br from c.SendBatch is not closed when the
// loop continues at regress.go:32; release it before the next iteration, or
// move the loop body into a function".
func insertOrdersSkippingFailed(ctx context.Context, c *pgxpool.Conn, orders []Order) error {
	for start := 0; start < len(orders); start += 100 {
		end := min(start+100, len(orders))
		batch := &pgx.Batch{}
		for _, o := range orders[start:end] {
			batch.Queue("INSERT INTO orders (id, user_id, total) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Total)
		}
		br := c.SendBatch(ctx, batch) // want `batch results br from c\.SendBatch is not closed when the loop continues at regress\.go:32; release it before the next iteration, or move the loop body into a function`
		if _, err := br.Exec(); err != nil {
			continue
		}
	}
	return nil
}
