package dbleakrt_test

import (
	"context"
	"database/sql"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
)

// sleepingSQLOps returns a long query run in each way database/sql and
// the DB offer.
func sleepingSQLOps(d *dbleakrt.DB) map[string]func(context.Context) error {
	db := d.SQL()
	return map[string]func(context.Context) error{
		"QueryContext": func(ctx context.Context) error {
			rows, err := db.QueryContext(ctx, sleepSQL)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
			}
			return rows.Err()
		},
		"QueryRowContext": func(ctx context.Context) error {
			var s string
			return db.QueryRowContext(ctx, sleepSQL+"::text").Scan(&s)
		},
		"ExecContext": func(ctx context.Context) error {
			_, err := db.ExecContext(ctx, sleepSQL)
			return err
		},
		"WithConn": func(ctx context.Context) error {
			return d.WithConn(ctx, func(c *sql.Conn) error {
				_, err := c.ExecContext(ctx, sleepSQL)
				return err
			})
		},
		"WithTx": func(ctx context.Context) error {
			return d.WithTx(ctx, nil, func(tx *sql.Tx) error {
				_, err := tx.ExecContext(ctx, sleepSQL)
				return err
			})
		},
	}
}

// TestSQLCancelledQueriesReleaseEverything cancels a sleeping query in each
// way of running one and checks that nothing stays held.
func TestSQLCancelledQueriesReleaseEverything(t *testing.T) {
	forEachDriver(t, func(t *testing.T, d *dbleakrt.DB) {
		for name, op := range sleepingSQLOps(d) {
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
		requireNoneHeldSQL(t, d)
		if err := d.SQL().QueryRowContext(context.Background(), "SELECT 1").Scan(new(int)); err != nil {
			t.Fatalf("the database is unusable after the cancellations: %v", err)
		}
	})
}

// TestSQLHandlerPanics serves concurrent requests whose handlers panic
// while holding a transaction or a connection, through the middleware, and
// checks that nothing stays held and no leak is reported.
func TestSQLHandlerPanics(t *testing.T) {
	forEachDriver(t, func(t *testing.T, d *dbleakrt.DB) {
		d.SQL().SetMaxOpenConns(4)
		mux := http.NewServeMux()
		mux.HandleFunc("/tx", func(w http.ResponseWriter, r *http.Request) {
			_ = d.WithTx(r.Context(), nil, func(tx *sql.Tx) error {
				if _, err := tx.ExecContext(r.Context(), "SELECT 1"); err != nil {
					return err
				}
				panic("boom")
			})
		})
		mux.HandleFunc("/conn", func(w http.ResponseWriter, r *http.Request) {
			_ = d.WithConn(r.Context(), func(c *sql.Conn) error { panic("boom") })
		})
		mux.HandleFunc("/raw", func(w http.ResponseWriter, r *http.Request) {
			tx, err := d.SQL().BeginTx(r.Context(), nil)
			if err != nil {
				http.Error(w, err.Error(), http.StatusServiceUnavailable)
				return
			}
			defer tx.Rollback()
			panic("boom")
		})
		srv := httptest.NewUnstartedServer(d.Middleware(mux, dbleakrt.MiddlewareOptions{Logger: discard()}))
		srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the recovered panics
		srv.Start()
		defer srv.Close()
		var wg sync.WaitGroup
		for i := range 60 {
			path := []string{"/tx", "/conn", "/raw"}[i%3]
			wg.Go(func() {
				resp, err := http.Get(srv.URL + path)
				if err == nil { // a panicking handler makes the server drop the connection
					resp.Body.Close()
				}
			})
		}
		wg.Wait()
		requireNoneHeldSQL(t, d)
		if n := d.Stat().LeakCount(); n != 0 {
			t.Fatalf("LeakCount = %d after panics that released everything", n)
		}
	})
}
