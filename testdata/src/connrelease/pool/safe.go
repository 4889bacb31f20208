package pool

import (
	"context"
	"log"
	"os"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"connrelease/store"
)

// The release is deferred right after the error check.
func deleteUserDeferred(ctx context.Context, pool *pgxpool.Pool, actor User, id int64) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if !actor.Admin {
		return errForbidden
	}
	_, err = conn.Exec(ctx, "DELETE FROM users WHERE id = $1", id)
	return err
}

// Every early return releases first.
func renameUserReleased(ctx context.Context, pool *pgxpool.Pool, id int64, name string) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	if name == "" || len(name) > 64 {
		conn.Release()
		return errForbidden
	}
	_, err = conn.Exec(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id)
	conn.Release()
	return err
}

// Both branches of the if release.
func touchUserBothBranches(ctx context.Context, pool *pgxpool.Pool, id int64) {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return
	}
	tag, err := conn.Exec(ctx, "UPDATE users SET seen_at = now() WHERE id = $1", id)
	if err == nil && tag.RowsAffected() == 1 {
		conn.Release()
	} else {
		log.Printf("touch user %d: not found", id)
		conn.Release()
	}
}

// AcquireFunc owns the connection: nothing to release.
func warmCachesFunc(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	for _, id := range ids {
		err := pool.AcquireFunc(ctx, func(conn *pgxpool.Conn) error {
			_, err := conn.Exec(ctx, "SELECT warm_user_cache($1)", id)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// The loop releases before continue and at the end of every iteration.
func sendDigestsReleased(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	for _, u := range users {
		conn, err := pool.Acquire(ctx)
		if err != nil {
			return err
		}
		if u.Disabled {
			conn.Release()
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

// The loop body is a function literal called once per iteration; the
// defer in it runs at the end of each iteration.
func warmCachesPerIteration(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	for _, id := range ids {
		err := func() error {
			conn, err := pool.Acquire(ctx)
			if err != nil {
				return err
			}
			defer conn.Release()
			_, err = conn.Exec(ctx, "SELECT warm_user_cache($1)", id)
			return err
		}()
		if err != nil {
			return err
		}
	}
	return nil
}

// Every case of the switch, the default included, goes past the release.
func applyActionAllCases(ctx context.Context, pool *pgxpool.Pool, id int64, action string) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	switch action {
	case "activate":
		_, err = conn.Exec(ctx, "UPDATE users SET active = true WHERE id = $1", id)
	case "deactivate":
		_, err = conn.Exec(ctx, "UPDATE users SET active = false WHERE id = $1", id)
	default:
		conn.Release()
		return errForbidden
	}
	conn.Release()
	return err
}

// Both cases of the select release.
func runJobReleased(ctx context.Context, pool *pgxpool.Pool, jobs <-chan int64) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	select {
	case <-ctx.Done():
		conn.Release()
		return ctx.Err()
	case id := <-jobs:
		_, err = conn.Exec(ctx, "UPDATE jobs SET done = true WHERE id = $1", id)
		conn.Release()
		return err
	}
}

// The health check pings and releases.
func healthCheckReleased(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	return conn.Ping(ctx)
}

// A deferred closure releases whatever the captured variable holds.
func loadProfileDeferredClosure(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer func() {
		conn.Release()
	}()
	_, err = conn.Exec(ctx, "SELECT load_profile($1)", id)
	return err
}

// The connection is returned to the caller, who must release it.
func acquireFor(ctx context.Context, pool *pgxpool.Pool, u User) (*pgxpool.Conn, error) {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	if u.Disabled {
		conn.Release()
		return nil, errForbidden
	}
	if _, err := conn.Exec(ctx, "SET app.user_id = $1", u.ID); err != nil {
		conn.Release()
		return nil, err
	}
	return conn, nil
}

// releaseAfter releases the connection on every path and passes err on.
func releaseAfter(conn *pgxpool.Conn, err error) error {
	conn.Release()
	return err
}

// A helper of this package that releases on every path takes it over.
func archiveUser(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	_, err = conn.Exec(ctx, "UPDATE users SET archived = true WHERE id = $1", id)
	return releaseAfter(conn, err)
}

// Lent to a function of another package whose fact says it borrows the
// connection: the caller still owes the release.
func saveName(ctx context.Context, pool *pgxpool.Pool, id int64, name string) error {
	conn, err := pool.Acquire(ctx) // want `^connection conn from pool\.Acquire is not released on the path that returns at safe\.go:213; defer conn\.Release\(\) after the error check$`
	if err != nil {
		return err
	}
	return store.SaveUserName(ctx, conn, id, name)
}

// session keeps its connection for its own lifetime.
type session struct {
	mu   sync.Mutex
	conn *pgxpool.Conn
}

// Stored in a struct field: the struct owns it now.
func (s *session) open(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	return nil
}

// The goroutine takes the connection over and releases it.
func refreshStatsReleased(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	go func() {
		defer conn.Release()
		if _, err := conn.Exec(ctx, "REFRESH MATERIALIZED VIEW user_stats"); err != nil {
			log.Printf("refresh stats: %v", err)
		}
	}()
	return nil
}

// The goroutine acquires and releases by itself.
func refreshStatsInGoroutine(ctx context.Context, pool *pgxpool.Pool) {
	go func() {
		conn, err := pool.Acquire(ctx)
		if err != nil {
			log.Printf("refresh stats: %v", err)
			return
		}
		defer conn.Release()
		if _, err := conn.Exec(ctx, "REFRESH MATERIALIZED VIEW user_stats"); err != nil {
			log.Printf("refresh stats: %v", err)
		}
	}()
}

// log.Fatal ends the process: the failing path does not return.
func migrateOrDie(ctx context.Context, pool *pgxpool.Pool) {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		log.Fatalf("acquire: %v", err)
	}
	if _, err := conn.Exec(ctx, "CREATE TABLE IF NOT EXISTS users (id bigint)"); err != nil {
		log.Fatalf("migrate: %v", err)
	}
	conn.Release()
}

// fatal logs and exits; a path through it never returns.
func fatal(format string, args ...any) {
	log.Printf(format, args...)
	os.Exit(1)
}

// A local helper that ends in os.Exit is a no-return call too.
func seedOrDie(ctx context.Context, pool *pgxpool.Pool) {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		fatal("acquire: %v", err)
	}
	if _, err := conn.Exec(ctx, "INSERT INTO users (id) VALUES (1)"); err != nil {
		fatal("seed: %v", err)
	}
	conn.Release()
}

// panic on the failing path is not a leak.
func mustPing(ctx context.Context, pool *pgxpool.Pool) {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		panic(err)
	}
	if err := conn.Ping(ctx); err != nil {
		panic(err)
	}
	conn.Release()
}

// t.Fatal stops the test goroutine: not a leak.
func mustCountUsers(t *testing.T, ctx context.Context, pool *pgxpool.Pool) int64 {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n); err != nil {
		t.Fatalf("count users: %v", err)
	}
	conn.Release()
	return n
}

// The hijacked connection is closed by a defer.
func waitForSignupClosed(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	pc, err := pool.Acquire(ctx)
	if err != nil {
		return "", err
	}
	conn := pc.Hijack()
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "LISTEN user_signup"); err != nil {
		return "", err
	}
	n, err := conn.WaitForNotification(ctx)
	if err != nil {
		return "", err
	}
	return n.Payload, nil
}

// The hijacked connection is returned to the caller, who must close it.
func hijackListener(ctx context.Context, pool *pgxpool.Pool) (*pgx.Conn, error) {
	pc, err := pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	conn := pc.Hijack()
	if _, err := conn.Exec(ctx, "LISTEN user_signup"); err != nil {
		conn.Close(ctx)
		return nil, err
	}
	return conn, nil
}

// Acquire through an interface, released by a defer.
func countOrdersDeferred(ctx context.Context, db acquirer, userID int64) (int64, error) {
	conn, err := db.Acquire(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Release()
	var n int64
	err = conn.QueryRow(ctx, "SELECT count(*) FROM orders WHERE user_id = $1", userID).Scan(&n)
	return n, err
}

// workerPool is a user type whose Acquire and Release have nothing to
// do with pgxpool: resources are matched by type identity, not by name.
type workerPool struct{ free chan int }

type worker struct{ id int }

func (p *workerPool) Acquire(ctx context.Context) (*worker, error) {
	select {
	case id := <-p.free:
		return &worker{id}, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (w *worker) Release() {}

// Never reported: *worker is not a database connection.
func assignWorker(ctx context.Context, p *workerPool) (int, error) {
	w, err := p.Acquire(ctx)
	if err != nil {
		return 0, err
	}
	return w.id, nil
}

// The release is deferred through a method value.
func pingDeferredMethodValue(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	release := conn.Release
	defer release()
	return conn.Ping(ctx)
}

// A cleanup closure called before every return.
func touchUserCleanup(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	cleanup := func() { conn.Release() }
	if id <= 0 {
		cleanup()
		return nil
	}
	_, err = conn.Exec(ctx, "UPDATE users SET seen_at = now() WHERE id = $1", id)
	cleanup()
	return err
}

// Returned to the caller through named results and a bare return.
func acquireAsUser(ctx context.Context, pool *pgxpool.Pool, id int64) (conn *pgxpool.Conn, err error) {
	conn, err = pool.Acquire(ctx)
	if err != nil {
		return
	}
	if _, err = conn.Exec(ctx, "SET app.user_id = $1", id); err != nil {
		conn.Release()
		return nil, err
	}
	return
}

// The worker releases on every way out of its loop.
func jobWorkerDeferred(ctx context.Context, pool *pgxpool.Pool, jobs <-chan int64) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case id, ok := <-jobs:
			if !ok {
				return nil
			}
			if _, err := conn.Exec(ctx, "UPDATE jobs SET done = true WHERE id = $1", id); err != nil {
				log.Printf("job %d: %v", id, err)
			}
		}
	}
}
