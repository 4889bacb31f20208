// Package pool holds connrelease cases for connections checked out of a
// pgxpool.Pool: the leaks in this file, their clean twins in safe.go.
package pool

import (
	"context"
	"errors"
	"fmt"
	"log"
	http "nethttp"
	"strconv"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

var errForbidden = errors.New("forbidden")

type User struct {
	ID       int64
	Name     string
	Admin    bool
	Disabled bool
}

// The permission check returns before the release is deferred.
func deleteUser(ctx context.Context, pool *pgxpool.Pool, actor User, id int64) error {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path that returns at leaks\.go:33; defer conn\.Release\(\) after the error check$`
	if err != nil {
		return err
	}
	if !actor.Admin {
		return errForbidden
	}
	defer conn.Release()
	_, err = conn.Exec(ctx, "DELETE FROM users WHERE id = $1", id)
	return err
}

// Two validation returns leak: the first is named, the second counted.
func renameUser(ctx context.Context, pool *pgxpool.Pool, id int64, name string) error {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path that returns at leaks\.go:47 \(and 1 other exit\); defer conn\.Release\(\) after the error check$`
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	if name == "" {
		return errors.New("empty name")
	}
	if len(name) > 64 {
		return errors.New("name too long")
	}
	_, err = conn.Exec(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id)
	conn.Release()
	return err
}

// The connection is released only when the update hit a row; otherwise
// the function falls off its end holding it.
func touchUser(ctx context.Context, pool *pgxpool.Pool, id int64) {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path that returns at leaks\.go:68; defer conn\.Release\(\) after the error check$`
	if err != nil {
		return
	}
	tag, err := conn.Exec(ctx, "UPDATE users SET seen_at = now() WHERE id = $1", id)
	if err == nil && tag.RowsAffected() == 1 {
		conn.Release()
	}
}

// Each iteration checks out one more connection and never gives it back.
func warmCaches(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	for _, id := range ids {
		conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released before the loop iterates again at leaks\.go:80; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return err
		}
		if _, err := conn.Exec(ctx, "SELECT warm_user_cache($1)", id); err != nil {
			log.Printf("warm cache for user %d: %v", id, err)
		}
	}
	return nil
}

// Disabled users are skipped with continue, before the release.
func sendDigests(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	for _, u := range users {
		conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released when the loop continues at leaks\.go:92; release it before the next iteration, or move the loop body into a function$`
		if err != nil {
			return err
		}
		if u.Disabled {
			continue
		}
		_, err = conn.Exec(ctx, "INSERT INTO digests (user_id) VALUES ($1)", u.ID)
		conn.Release()
		if err != nil {
			return err
		}
	}
	return nil
}

// The default case of the switch returns without releasing.
func applyAction(ctx context.Context, pool *pgxpool.Pool, id int64, action string) error {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path that returns at leaks\.go:115; defer conn\.Release\(\) after the error check$`
	if err != nil {
		return err
	}
	switch action {
	case "activate":
		_, err = conn.Exec(ctx, "UPDATE users SET active = true WHERE id = $1", id)
	case "deactivate":
		_, err = conn.Exec(ctx, "UPDATE users SET active = false WHERE id = $1", id)
	default:
		return fmt.Errorf("unknown action %q", action)
	}
	conn.Release()
	return err
}

// Cancellation while waiting for a job returns holding the connection.
func runJob(ctx context.Context, pool *pgxpool.Pool, jobs <-chan int64) error {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path that returns at leaks\.go:129; defer conn\.Release\(\) after the error check$`
	if err != nil {
		return err
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case id := <-jobs:
		_, err = conn.Exec(ctx, "UPDATE jobs SET done = true WHERE id = $1", id)
		conn.Release()
		return err
	}
}

// Warming the pool by checking connections out and dropping them: each
// one is gone from the pool for good.
func warmPool(ctx context.Context, pool *pgxpool.Pool) {
	pool.Acquire(ctx) // want `^connection from pool\.Acquire is not released: the result is discarded \(on the path that returns at leaks\.go:141\); assign it and defer conn\.Release\(\) after the error check$`
}

// A worker that holds one connection for its lifetime; cancellation
// returns from inside the loop without releasing it.
func jobWorker(ctx context.Context, pool *pgxpool.Pool, jobs <-chan int64) error {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path that returns at leaks\.go:153; defer conn\.Release\(\) after the error check$`
	if err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case id := <-jobs:
			if _, err := conn.Exec(ctx, "UPDATE jobs SET done = true WHERE id = $1", id); err != nil {
				log.Printf("job %d: %v", id, err)
			}
		}
	}
}

// conn is captured by the closure, so it lives in a variable; acquiring
// again into that variable loses the first connection.
func loadProfile(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released before the variable holding it is overwritten at leaks\.go:177; release it before the variable is assigned again$`
	if err != nil {
		return err
	}
	load := func() error {
		_, err := conn.Exec(ctx, "SELECT load_profile($1)", id)
		return err
	}
	if err := load(); err == nil {
		conn.Release()
		return nil
	}
	conn, err = pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	return load()
}

// The leak is inside the handler's function literal: a bad request
// returns holding the connection.
func userHandler(pool *pgxpool.Pool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, err := pool.Acquire(r.Context()) // want `^connection conn from pool\.Acquire is not released on the path that returns at leaks\.go:197; defer conn\.Release\(\) after the error check$`
		if err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		id, err := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)
		if err != nil {
			http.Error(w, "bad id", http.StatusBadRequest)
			return
		}
		defer conn.Release()
		if _, err := conn.Exec(r.Context(), "UPDATE users SET seen_at = now() WHERE id = $1", id); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}
}

// The hijacked *pgx.Conn has left the pool and must be closed; the
// LISTEN error path returns without closing it.
func waitForSignup(ctx context.Context, pool *pgxpool.Pool) (*pgconn.Notification, error) {
	pc, err := pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	conn := pc.Hijack() // want `^connection conn from pc\.Hijack is not closed on the path that returns at leaks\.go:215; defer conn\.Close\(ctx\) after the error check$`
	if _, err := conn.Exec(ctx, "LISTEN user_signup"); err != nil {
		return nil, err
	}
	n, err := conn.WaitForNotification(ctx)
	conn.Close(ctx)
	return n, err
}

// The background refresher acquires inside the goroutine and never
// releases: the goroutine's function literal ends holding it.
func refreshStatsInBackground(ctx context.Context, pool *pgxpool.Pool) {
	go func() {
		conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path that returns at leaks\.go:234; defer conn\.Release\(\) after the error check$`
		if err != nil {
			log.Printf("refresh stats: %v", err)
			return
		}
		if _, err := conn.Exec(ctx, "REFRESH MATERIALIZED VIEW user_stats"); err != nil {
			log.Printf("refresh stats: %v", err)
		}
	}()
}

// acquirer is how a service sees its pool in tests: Acquire through an
// interface is an acquisition all the same.
type acquirer interface {
	Acquire(ctx context.Context) (*pgxpool.Conn, error)
}

// The lookup returns early on a non-positive id, through an interface.
func countOrders(ctx context.Context, db acquirer, userID int64) (int64, error) {
	conn, err := db.Acquire(ctx) // want `^connection conn from db\.Acquire is not released on the path that returns at leaks\.go:250; defer conn\.Release\(\) after the error check$`
	if err != nil {
		return 0, err
	}
	if userID <= 0 {
		return 0, nil
	}
	defer conn.Release()
	var n int64
	err = conn.QueryRow(ctx, "SELECT count(*) FROM orders WHERE user_id = $1", userID).Scan(&n)
	return n, err
}
