package dbleakrt_test

import (
	"context"
	"testing"
	"time"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

const sleepSQL = "SELECT pg_sleep(3)"

// TestCancelledQueriesReleaseTheirConnections cancels a sleeping query in
// each way of running one and checks that no connection stays held.
func TestCancelledQueriesReleaseTheirConnections(t *testing.T) {
	p := testdb.Pool(t)
	for name, op := range sleepingOps(p) {
		ctx, cancel := context.WithCancel(context.Background())
		timer := time.AfterFunc(100*time.Millisecond, cancel)
		start := time.Now()
		err := op(ctx)
		timer.Stop()
		cancel()
		if err == nil {
			t.Errorf("%s: cancelled query returned no error", name)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: cancelled query took %v", name, d)
		}
	}
	requireNoneHeld(t, p)
	if err := p.Pgx().QueryRow(context.Background(), "SELECT 1").Scan(new(int)); err != nil {
		t.Fatalf("the pool is unusable after the cancellations: %v", err)
	}
}

// sleepingOps returns a long query run in each way the pool offers.
func sleepingOps(p *dbleakrt.Pool) map[string]func(context.Context) error {
	return map[string]func(context.Context) error{
		"Query": func(ctx context.Context) error {
			rows, _ := p.Pgx().Query(ctx, sleepSQL)
			for rows.Next() {
			}
			rows.Close()
			return rows.Err()
		},
		"QueryRow": func(ctx context.Context) error {
			var s string
			return p.Pgx().QueryRow(ctx, sleepSQL+"::text").Scan(&s)
		},
		"SendBatch": func(ctx context.Context) error {
			b := &pgx.Batch{}
			b.Queue(sleepSQL)
			return p.Pgx().SendBatch(ctx, b).Close()
		},
		"WithConn": func(ctx context.Context) error {
			return p.WithConn(ctx, func(c *pgxpool.Conn) error {
				_, err := c.Exec(ctx, sleepSQL)
				return err
			})
		},
		"WithTx": func(ctx context.Context) error {
			return p.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
				_, err := tx.Exec(ctx, sleepSQL)
				return err
			})
		},
	}
}
