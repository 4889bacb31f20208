package dbleakrt_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

var errPlanned = errors.New("planned failure")

// TestConcurrentMixedOperations runs 64 goroutines of 1,000 operations each,
// mixing every way of acquiring a connection with failing and succeeding
// transactions, and checks that nothing stays held and that exactly the
// committed rows are in the table.
func TestConcurrentMixedOperations(t *testing.T) {
	goroutines, ops := 64, 1000
	if testing.Short() {
		ops = 100
	}
	ctx := context.Background()
	p := testdb.Pool(t, func(c *dbleakrt.Config) { c.MaxConns = 8 })
	table := testdb.Table(t, p, "v int")
	var commits atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	start := time.Now()
	for g := range goroutines {
		wg.Go(func() {
			for i := range ops {
				if err := mixedOp(ctx, p, table, g*ops+i, &commits); err != nil {
					errs <- fmt.Errorf("goroutine %d, op %d: %w", g, i, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("%d operations in %v", goroutines*ops, time.Since(start))
	requireNoneHeld(t, p)
	if got, want := count(t, p, table), int(commits.Load()); got != want {
		t.Fatalf("table has %d rows, want the %d committed", got, want)
	}
}

// mixedOp runs operation n of the mix. Planned failures are not errors.
func mixedOp(ctx context.Context, p *dbleakrt.Pool, table string, n int, commits *atomic.Int64) error {
	switch n % 7 {
	case 0:
		return p.WithConn(ctx, func(c *pgxpool.Conn) error {
			var v int
			return c.QueryRow(ctx, "SELECT $1::int", n).Scan(&v)
		})
	case 1:
		err := p.WithTx(ctx, pgx.TxOptions{}, insert(ctx, table, n))
		if err == nil {
			commits.Add(1)
		}
		return err
	case 2:
		err := p.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
			if err := insert(ctx, table, n)(tx); err != nil {
				return err
			}
			return errPlanned
		})
		if errors.Is(err, errPlanned) {
			return nil
		}
		return fmt.Errorf("rolled-back tx: %w", err)
	case 3:
		rows, _ := p.Pgx().Query(ctx, "SELECT generate_series(1, 3)")
		_, err := pgx.CollectRows(rows, pgx.RowTo[int32])
		return err
	case 4:
		var v int
		return p.Pgx().QueryRow(ctx, "SELECT $1::int", n).Scan(&v)
	case 5:
		b := &pgx.Batch{}
		b.Queue("SELECT 1")
		b.Queue("SELECT $1::int", n)
		return p.Pgx().SendBatch(ctx, b).Close()
	default:
		_, err := p.Pgx().Exec(ctx, "SELECT no_such_column")
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "42703" {
			return nil
		}
		return fmt.Errorf("bad query: %v", err)
	}
}
