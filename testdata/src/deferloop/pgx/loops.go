// Package pgxloops holds deferloop cases for pgx and pgxpool resources:
// a release deferred inside a loop runs when the function returns, not
// when the iteration ends.
package pgxloops

import (
	"context"
	"log"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Order struct {
	ID     int64
	UserID int64
	Cents  int64
}

// One transaction per order, each rolled back only when the whole
// import returns.
func importOrders(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	for _, o := range orders {
		tx, err := pool.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx) // ok: nothing is held when the next iteration starts
		if _, err := tx.Exec(ctx, "INSERT INTO orders (id, user_id, cents) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Cents); err != nil {
			return err
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

// A worker loop checks out a connection per job and keeps every one of
// them until it stops.
func worker(ctx context.Context, pool *pgxpool.Pool, jobs <-chan int64) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case id := <-jobs:
			conn, err := pool.Acquire(ctx)
			if err != nil {
				return err
			}
			defer conn.Release() // want `^conn\.Release is deferred inside a loop: each iteration holds its connection from pool\.Acquire until the function returns; release it at the end of the iteration, or move the loop body into a function$`
			if _, err := conn.Exec(ctx, "UPDATE jobs SET done = true WHERE id = $1", id); err != nil {
				log.Printf("job %d: %v", id, err)
			}
		}
	}
}

// The rows of every user's orders stay open until the report is done.
func orderTotals(ctx context.Context, pool *pgxpool.Pool, userIDs []int64) (map[int64]int64, error) {
	totals := make(map[int64]int64)
	for _, id := range userIDs {
		rows, err := pool.Query(ctx, "SELECT cents FROM orders WHERE user_id = $1", id)
		if err != nil {
			return nil, err
		}
		defer rows.Close() // ok: nothing is held when the next iteration starts
		for rows.Next() {
			var cents int64
			if err := rows.Scan(&cents); err != nil {
				return nil, err
			}
			totals[id] += cents
		}
	}
	return totals, nil
}

// A deferred closure releasing the connection is deferred per
// iteration all the same.
func refreshShards(ctx context.Context, pool *pgxpool.Pool, shards []string) error {
	for _, shard := range shards {
		conn, err := pool.Acquire(ctx)
		if err != nil {
			return err
		}
		defer func() { // want `^a deferred function literal that releases it is deferred inside a loop: each iteration holds its connection from pool\.Acquire until the function returns; release it at the end of the iteration, or move the loop body into a function$`
			conn.Release()
		}()
		if _, err := conn.Exec(ctx, "SELECT refresh_shard($1)", shard); err != nil {
			return err
		}
	}
	return nil
}

// Failover that keeps trying after a failed query: every replica it
// tried stays connected until it returns.
func countUsersAnyReplica(ctx context.Context, dsns []string) (int64, error) {
	for _, dsn := range dsns {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			continue
		}
		defer conn.Close(ctx) // want `^conn\.Close is deferred inside a loop: each iteration holds its connection from pgx\.Connect until the function returns; release it at the end of the iteration, or move the loop body into a function$`
		var n int64
		if err := conn.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n); err != nil {
			continue
		}
		return n, nil
	}
	return 0, nil
}

// The defer is in an inner loop.
func archiveMonths(ctx context.Context, pool *pgxpool.Pool, years []int) error {
	for _, y := range years {
		for m := 1; m <= 12; m++ {
			tx, err := pool.Begin(ctx)
			if err != nil {
				return err
			}
			defer tx.Rollback(ctx) // ok: nothing is held when the next iteration starts
			if _, err := tx.Exec(ctx, "SELECT archive_month($1, $2)", y, m); err != nil {
				return err
			}
			if err := tx.Commit(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// Clean twin of importOrders: the loop body is a function literal called
// per iteration, so its defer runs at the end of each iteration.
func importOrdersPerIteration(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	for _, o := range orders {
		err := func() error {
			tx, err := pool.Begin(ctx)
			if err != nil {
				return err
			}
			defer tx.Rollback(ctx)
			if _, err := tx.Exec(ctx, "INSERT INTO orders (id, user_id, cents) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Cents); err != nil {
				return err
			}
			return tx.Commit(ctx)
		}()
		if err != nil {
			return err
		}
	}
	return nil
}

// processJob is the loop body of workerFunc, where the defer belongs.
func processJob(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	_, err = conn.Exec(ctx, "UPDATE jobs SET done = true WHERE id = $1", id)
	return err
}

// Clean twin of worker: the loop body is a function of its own.
func workerFunc(ctx context.Context, pool *pgxpool.Pool, jobs <-chan int64) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case id := <-jobs:
			if err := processJob(ctx, pool, id); err != nil {
				log.Printf("job %d: %v", id, err)
			}
		}
	}
}

// Clean twin of orderTotals: the rows are closed at the end of each
// iteration.
func orderTotalsClosed(ctx context.Context, pool *pgxpool.Pool, userIDs []int64) (map[int64]int64, error) {
	totals := make(map[int64]int64)
	for _, id := range userIDs {
		rows, err := pool.Query(ctx, "SELECT cents FROM orders WHERE user_id = $1", id)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var cents int64
			if err := rows.Scan(&cents); err != nil {
				rows.Close()
				return nil, err
			}
			totals[id] += cents
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return totals, nil
}

// Clean twin of refreshShards: one goroutine per shard, each deferring
// its own release; the defer is in the goroutine's function literal.
func refreshShardsConcurrently(ctx context.Context, pool *pgxpool.Pool, shards []string) {
	var wg sync.WaitGroup
	for _, shard := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn, err := pool.Acquire(ctx)
			if err != nil {
				log.Printf("shard %s: %v", shard, err)
				return
			}
			defer conn.Release()
			if _, err := conn.Exec(ctx, "SELECT refresh_shard($1)", shard); err != nil {
				log.Printf("shard %s: %v", shard, err)
			}
		}()
	}
	wg.Wait()
}

// Clean twin of countUsersAnyReplica: the iteration that defers always
// returns, so the defer runs at most once.
func countUsersFirstReplica(ctx context.Context, dsns []string) (int64, error) {
	for _, dsn := range dsns {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			continue
		}
		defer conn.Close(ctx)
		var n int64
		err = conn.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n)
		return n, err
	}
	return 0, nil
}

// A retry loop that breaks right after deferring: the defer runs once.
func acquireWithRetry(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	var conn *pgxpool.Conn
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		conn, err = pool.Acquire(ctx)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		defer conn.Release()
		break
	}
	if err != nil {
		return err
	}
	_, err = conn.Exec(ctx, "SELECT touch_user($1)", id)
	return err
}

// The release is deferred once, outside the loop that uses the
// connection.
func importOrdersOneConn(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	for _, o := range orders {
		if _, err := conn.Exec(ctx, "INSERT INTO orders (id, user_id, cents) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Cents); err != nil {
			return err
		}
	}
	return nil
}

// pgx.BeginFunc per iteration: nothing is deferred at all.
func importOrdersBeginFunc(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	for _, o := range orders {
		err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
			_, err := tx.Exec(ctx, "INSERT INTO orders (id, user_id, cents) VALUES ($1, $2, $3)", o.ID, o.UserID, o.Cents)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// A deferred unlock in a loop is not a database resource: not this
// analyzer's business.
func lockAll(mus []*sync.Mutex, f func()) {
	for _, mu := range mus {
		mu.Lock()
		defer mu.Unlock()
	}
	f()
}

// The leaking twin of importOrders: an order skipped with continue
// keeps its transaction open into the next iteration.
func importSomeOrders(ctx context.Context, pool *pgxpool.Pool, orders []Order) error {
	for _, o := range orders {
		tx, err := pool.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx) // want `^tx\.Rollback is deferred inside a loop: each iteration holds its transaction from pool\.Begin until the function returns; release it at the end of the iteration, or move the loop body into a function$`
		if o.Cents == 0 {
			continue
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

// The leaking twin of orderTotals: the rows are read once, not drained.
func firstOrderCents(ctx context.Context, pool *pgxpool.Pool, userIDs []int64) (map[int64]int64, error) {
	totals := make(map[int64]int64)
	for _, id := range userIDs {
		rows, err := pool.Query(ctx, "SELECT cents FROM orders WHERE user_id = $1", id)
		if err != nil {
			return nil, err
		}
		defer rows.Close() // want `^rows\.Close is deferred inside a loop: each iteration holds its rows from pool\.Query until the function returns; release it at the end of the iteration, or move the loop body into a function$`
		if rows.Next() {
			var cents int64
			if err := rows.Scan(&cents); err != nil {
				return nil, err
			}
			totals[id] = cents
		}
	}
	return totals, nil
}
