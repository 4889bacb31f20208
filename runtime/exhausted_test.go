package dbleakrt_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
	"github.com/jackc/pgx/v5/pgxpool"
)

const giveUpAfter = 100 * time.Millisecond

// checkExhausted checks that err is an exhausted-pool error that still
// matches context.DeadlineExceeded and names want holders, all at site.
func checkExhausted(t *testing.T, err error, want int, site, scope string) {
	t.Helper()
	t.Logf("the error a user sees:\n%v", err)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v does not match context.DeadlineExceeded", err)
	}
	var ee *dbleakrt.ExhaustedError
	if !errors.As(err, &ee) {
		t.Fatalf("error %v is not an *ExhaustedError", err)
	}
	if len(ee.Holders) != want || ee.Max != want {
		t.Fatalf("%d holders of a pool of %d, want %d of %d", len(ee.Holders), ee.Max, want, want)
	}
	for _, h := range ee.Holders {
		if h.Site.Location() != site || h.Scope != scope || len(h.Frames) == 0 {
			t.Fatalf("holder at %s in scope %q, want %s in %q", h.Site.Location(), h.Scope, site, scope)
		}
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || !strings.Contains(msg, fmt.Sprintf("while all %d were held: %d ", want, want)) ||
		!strings.Contains(msg, " at "+site+" (held up to ") || (scope != "" && !strings.Contains(msg, "; "+scope+")")) {
		t.Fatalf("error message is not the one paragraph grouping the holders at %s:\n%s", site, msg)
	}
}

// TestPoolExhaustedNamesHolders fills a pool of 2 from two requests that
// leak, then checks the error of WithConn and of Explain.
func TestPoolExhaustedNamesHolders(t *testing.T) {
	p := testdb.Pool(t, func(c *dbleakrt.Config) { c.MaxConns = 2 })
	var file string
	var line int
	var held []*pgxpool.Conn
	srv := httptest.NewServer(p.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		file, line = here()
		c, err := p.Pgx().Acquire(r.Context()) // leaked on purpose
		if err != nil {
			t.Error(err)
			return
		}
		held = append(held, c)
	}), dbleakrt.MiddlewareOptions{Logger: discard()}))
	defer srv.Close()
	get(t, srv.URL+"/leak")
	get(t, srv.URL+"/leak")
	defer func() {
		for _, c := range held {
			c.Release()
		}
	}()
	site := location(file, line+1)

	ctx, cancel := context.WithTimeout(context.Background(), giveUpAfter)
	defer cancel()
	err := p.WithConn(ctx, func(*pgxpool.Conn) error { return nil })
	checkExhausted(t, err, 2, site, "GET /leak")

	ctx, cancel = context.WithTimeout(context.Background(), giveUpAfter)
	defer cancel()
	tx, err := p.Pgx().Begin(ctx)
	if err == nil {
		_ = tx.Rollback(ctx)
		t.Fatal("Begin on a full pool succeeded")
	}
	checkExhausted(t, p.Explain(err), 2, site, "GET /leak")

	if err := p.Explain(errPlanned); err != errPlanned {
		t.Fatalf("Explain changed an unrelated error: %v", err)
	}
}

// TestDBExhaustedNamesHolders fills a database/sql pool of 2 with a
// transaction and rows made at one line, then checks the error of WithTx.
func TestDBExhaustedNamesHolders(t *testing.T) {
	forEachDriver(t, func(t *testing.T, d *dbleakrt.DB) {
		d.SQL().SetMaxOpenConns(2)
		ctx := context.Background()
		var txs []*sql.Tx
		var file string
		var line int
		for range 2 {
			file, line = here()
			tx, err := d.SQL().BeginTx(ctx, nil) // held on purpose
			if err != nil {
				t.Fatal(err)
			}
			txs = append(txs, tx)
		}
		defer func() {
			for _, tx := range txs {
				_ = tx.Rollback()
			}
		}()
		cctx, cancel := context.WithTimeout(ctx, giveUpAfter)
		defer cancel()
		err := d.WithTx(cctx, nil, func(*sql.Tx) error { return nil })
		checkExhausted(t, err, 2, location(file, line+1), "")
		if !strings.Contains(err.Error(), "2 transactions by ") {
			t.Fatalf("the holders are not named as transactions: %v", err)
		}
		cctx, cancel = context.WithTimeout(ctx, giveUpAfter)
		defer cancel()
		rows, err := d.SQL().QueryContext(cctx, "SELECT 1")
		if err == nil {
			rows.Close()
			t.Fatal("QueryContext on a full pool succeeded")
		}
		checkExhausted(t, d.Explain(err), 2, location(file, line+1), "")
	})
}

// TestCloseWithDeadline leaks a connection and checks that Close returns at
// its context's deadline with an error naming it, on both sides.
func TestCloseWithDeadline(t *testing.T) {
	check := func(t *testing.T, err error, site string) {
		t.Helper()
		var ce *dbleakrt.CloseError
		if !errors.As(err, &ce) || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Close = %v, want a *CloseError matching context.DeadlineExceeded", err)
		}
		if len(ce.Holders) != 1 || ce.Holders[0].Site.Location() != site || !strings.Contains(err.Error(), site) {
			t.Fatalf("Close named %v, want the one holder at %s", ce.Holders, site)
		}
		t.Logf("the error a user sees:\n%v", err)
	}
	t.Run("pgxpool", func(t *testing.T) {
		p, err := dbleakrt.New(context.Background(), testdb.DSN(t))
		if err != nil {
			t.Fatal(err)
		}
		file, line := here()
		tx, err := p.Pgx().Begin(context.Background()) // held on purpose
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), giveUpAfter)
		defer cancel()
		start := time.Now()
		err = p.Close(ctx)
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("Close returned after %v", d)
		}
		check(t, err, location(file, line+1))
		_ = tx.Rollback(context.Background()) // lets the background close finish
		if err := p.Close(context.Background()); err != nil {
			t.Fatalf("Close after the release = %v", err)
		}
	})
	for _, name := range testdb.Drivers {
		t.Run(name, func(t *testing.T) {
			d, err := dbleakrt.Open(name, testdb.DSN(t))
			if err != nil {
				t.Fatal(err)
			}
			file, line := here()
			rows, err := d.SQL().QueryContext(context.Background(), "SELECT 1") // held on purpose
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), giveUpAfter)
			defer cancel()
			check(t, d.Close(ctx), location(file, line+1))
			rows.Close()
			if err := d.Close(context.Background()); err != nil {
				t.Fatalf("Close after the release = %v", err)
			}
		})
	}
}

// TestCloseWaitsForLateReleases checks that Close waits for a connection
// released before the deadline and then returns nil.
func TestCloseWaitsForLateReleases(t *testing.T) {
	p, err := dbleakrt.New(context.Background(), testdb.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	c, err := p.Pgx().Acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	time.AfterFunc(100*time.Millisecond, c.Release)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := p.Close(ctx); err != nil {
		t.Fatalf("Close = %v, want nil once the connection came back", err)
	}
}
