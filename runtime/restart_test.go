package dbleakrt_test

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
	"github.com/jackc/pgx/v5"
)

// Bounds of the restart test's load.
const (
	restartWorkers  = 8
	restartItems    = 400 // items each worker commits
	restartAttempts = 200 // attempts per item before giving up
	restartPause    = 2 * time.Millisecond
	restartBackoff  = 20 * time.Millisecond
	restartLimit    = 60 * time.Second
)

// restartLoad records what the workers saw.
type restartLoad struct {
	acked  sync.Map // "worker/item" keys whose commit was acknowledged
	nAcked atomic.Int64
	errs   atomic.Int64
}

// TestServerRestartUnderLoad restarts PostgreSQL while workers commit rows.
// Errors must reach the callers, no connection may stay held, and every row
// whose commit was acknowledged must be in the table afterwards.
func TestServerRestartUnderLoad(t *testing.T) {
	restart := testdb.Restarter(t)
	p := testdb.Pool(t, func(c *dbleakrt.Config) { c.MaxConns = restartWorkers })
	table := testdb.Table(t, p, "worker int, item int, PRIMARY KEY (worker, item)")
	ctx, cancel := context.WithTimeout(context.Background(), restartLimit)
	defer cancel()

	load := runRestartLoad(t, ctx, restart, func(worker, item int) error {
		return p.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
			_, err := tx.Exec(ctx, "INSERT INTO "+table+restartInsert, worker, item)
			return err
		})
	})
	requireNoneHeld(t, p)
	rows, _ := p.Pgx().Query(context.Background(), "SELECT worker, item FROM "+table)
	stored, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]int, error) {
		var k [2]int
		err := r.Scan(&k[0], &k[1])
		return k, err
	})
	if err != nil {
		t.Fatal(err)
	}
	load.checkStored(t, stored)
}

const restartInsert = " VALUES ($1, $2) ON CONFLICT DO NOTHING"

// runRestartLoad runs the workers, each committing its items with commit,
// restarts the server when a fifth of the commits are acknowledged, and
// waits for the workers.
func runRestartLoad(t *testing.T, ctx context.Context, restart func() error, commit func(worker, item int) error) *restartLoad {
	t.Helper()
	load := &restartLoad{}
	var wg sync.WaitGroup
	for w := range restartWorkers {
		wg.Go(func() { load.work(ctx, commit, w) })
	}
	waitFor(t, func() bool { return load.nAcked.Load() >= restartWorkers*restartItems/5 })
	if err := restart(); err != nil {
		t.Fatalf("restart: %v", err)
	}
	wg.Wait()
	if ctx.Err() != nil {
		t.Fatalf("load did not finish within %v", restartLimit)
	}
	t.Logf("%d commits acknowledged, %d errors surfaced", load.nAcked.Load(), load.errs.Load())
	if load.errs.Load() == 0 {
		t.Error("no caller saw an error although the server restarted under load")
	}
	return load
}

// work commits restartItems rows, retrying each a bounded number of times.
func (l *restartLoad) work(ctx context.Context, commit func(worker, item int) error, worker int) {
	for item := range restartItems {
		for range restartAttempts {
			err := commit(worker, item)
			if err == nil {
				l.acked.Store([2]int{worker, item}, true)
				l.nAcked.Add(1)
				break
			}
			l.errs.Add(1)
			if ctx.Err() != nil {
				return
			}
			time.Sleep(restartBackoff)
		}
		time.Sleep(restartPause)
	}
}

// checkStored fails the test for each acknowledged row missing from the
// rows stored in the table.
func (l *restartLoad) checkStored(t *testing.T, stored [][2]int) {
	t.Helper()
	inTable := make(map[[2]int]bool, len(stored))
	for _, k := range stored {
		inTable[k] = true
	}
	lost := 0
	l.acked.Range(func(k, _ any) bool {
		if !inTable[k.([2]int)] {
			lost++
		}
		return true
	})
	if lost > 0 {
		t.Fatalf("%d acknowledged commits are missing from the table", lost)
	}
	if n := l.nAcked.Load(); n != restartWorkers*restartItems {
		t.Fatalf("%d of %d items were acknowledged", n, restartWorkers*restartItems)
	}
}

// TestSQLServerRestartUnderLoad is TestServerRestartUnderLoad for
// database/sql, with each driver.
func TestSQLServerRestartUnderLoad(t *testing.T) {
	restart := testdb.Restarter(t)
	forEachDriver(t, func(t *testing.T, d *dbleakrt.DB) {
		d.SQL().SetMaxOpenConns(restartWorkers)
		table := testdb.SQLTable(t, d, "worker int, item int, PRIMARY KEY (worker, item)")
		ctx, cancel := context.WithTimeout(context.Background(), restartLimit)
		defer cancel()
		load := runRestartLoad(t, ctx, restart, func(worker, item int) error {
			return d.WithTx(ctx, nil, func(tx *sql.Tx) error {
				_, err := tx.ExecContext(ctx, "INSERT INTO "+table+restartInsert, worker, item)
				return err
			})
		})
		requireNoneHeldSQL(t, d)
		var stored [][2]int
		err := d.WithConn(context.Background(), func(c *sql.Conn) error {
			rows, err := c.QueryContext(context.Background(), "SELECT worker, item FROM "+table)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var k [2]int
				if err := rows.Scan(&k[0], &k[1]); err != nil {
					return err
				}
				stored = append(stored, k)
			}
			return rows.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
		load.checkStored(t, stored)
	})
}
