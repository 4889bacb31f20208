package dbleakrt_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
	"github.com/jackc/pgx/v5"
)

// leakApp is an HTTP application with one leaking endpoint, /leak, and one
// clean endpoint, /clean, that holds a connection until finish is closed.
type leakApp struct {
	p        *dbleakrt.Pool
	leaked   chan pgx.Rows // the leaking request's rows, to close at the end
	finish   chan struct{} // closed to let the clean requests finish
	leakFile string
	leakLine int // the line of the leaking Query

	mu        sync.Mutex
	paths     []string          // requests reported by MiddlewareOptions.OnLeak
	reported  [][]dbleakrt.Leak // their leaks
	poolLeaks []dbleakrt.Leak   // leaks reported by Config.OnLeak
	busy      int               // connections held when /leak was reported
}

func (a *leakApp) mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/leak", func(w http.ResponseWriter, r *http.Request) {
		file, line := here()
		rows, err := a.p.Pgx().Query(r.Context(), "SELECT pg_sleep(0.05)") // leaked on purpose
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		a.leakFile, a.leakLine = file, line+1
		a.leaked <- rows
	})
	mux.HandleFunc("/clean", func(w http.ResponseWriter, r *http.Request) {
		err := a.p.WithTx(r.Context(), pgx.TxOptions{}, func(tx pgx.Tx) error {
			_, err := tx.Exec(r.Context(), "SELECT 1")
			<-a.finish // hold the connection until /leak is done
			return err
		})
		if err == nil {
			err = a.p.Pgx().QueryRow(r.Context(), "SELECT 1").Scan(new(int))
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	return mux
}

func (a *leakApp) onRequestLeak(r *http.Request, leaks []dbleakrt.Leak) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.paths = append(a.paths, r.URL.Path)
	a.reported = append(a.reported, leaks)
	a.busy = len(a.p.Held())
}

func (a *leakApp) onPoolLeak(l dbleakrt.Leak) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.poolLeaks = append(a.poolLeaks, l)
}

// cleanRequests is the number of clean requests that run alongside /leak.
const cleanRequests = 16

// TestMiddlewareReportsTheLeakingRequest runs one leaking request among many
// concurrent clean ones, which hold connections while it finishes, and
// checks that exactly the leaking request is reported, at the right line.
func TestMiddlewareReportsTheLeakingRequest(t *testing.T) {
	app := &leakApp{leaked: make(chan pgx.Rows, 1), finish: make(chan struct{})}
	p := testdb.Pool(t, dbleakrt.WithOnLeak(app.onPoolLeak), func(c *dbleakrt.Config) { c.MaxConns = 20 })
	app.p = p
	logs := &syncBuffer{}
	srv := httptest.NewServer(p.Middleware(app.mux(), dbleakrt.MiddlewareOptions{
		Logger: slog.New(slog.NewTextHandler(logs, nil)),
		OnLeak: app.onRequestLeak,
	}))
	defer srv.Close()
	finish := sync.OnceFunc(func() { close(app.finish) })
	defer finish()

	var wg sync.WaitGroup
	for range cleanRequests {
		wg.Go(func() { get(t, srv.URL+"/clean") })
	}
	waitFor(t, func() bool { return p.Stat().Outstanding() == cleanRequests })
	get(t, srv.URL+"/leak")
	finish()
	wg.Wait()
	var rows pgx.Rows
	select {
	case rows = <-app.leaked:
	default:
		t.Fatal("the /leak handler did not run its query")
	}
	app.mu.Lock()
	defer app.mu.Unlock()

	site := location(app.leakFile, app.leakLine)
	if app.busy != cleanRequests+1 {
		t.Fatalf("%d connections were held when /leak ended, want %d", app.busy, cleanRequests+1)
	}
	if len(app.paths) != 1 || app.paths[0] != "/leak" || len(app.reported[0]) != 1 {
		t.Fatalf("middleware reported requests %v, want exactly /leak with one connection", app.paths)
	}
	if l := app.reported[0][0]; l.Site.Location() != site || l.Scope != "GET /leak" {
		t.Fatalf("leak at %s in scope %q, want %s in GET /leak", l.Site.Location(), l.Scope, site)
	}
	if len(app.poolLeaks) != 1 || app.poolLeaks[0].Site.Location() != site {
		t.Fatalf("Config.OnLeak got %v, want the one leak", app.poolLeaks)
	}
	if out := logs.String(); strings.Count(out, "level=WARN") != 1 || !strings.Contains(out, "site="+site) {
		t.Fatalf("log does not hold exactly one warning at %s:\n%s", site, out)
	}
	if n := p.Stat().LeakCount(); n != 1 {
		t.Fatalf("LeakCount = %d, want 1", n)
	}
	rows.Close()
	requireNoneHeld(t, p)
}

func get(t *testing.T, url string) {
	resp, err := http.Get(url)
	if err != nil {
		t.Error(err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET %s: %s: %s", url, resp.Status, body)
	}
}

// TestScopeSeesOnlyItsOwnConnections checks Pool.Scope directly: an
// acquisition made with another context is not attributed to the scope.
func TestScopeSeesOnlyItsOwnConnections(t *testing.T) {
	ctx := context.Background()
	p := testdb.Pool(t)
	sctx, held := p.Scope(ctx, "job 7")
	other, err := p.Pgx().Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Release()
	if got := held(); len(got) != 0 {
		t.Fatalf("scope holds %v before acquiring anything", got)
	}
	mine, err := p.Pgx().Acquire(sctx)
	if err != nil {
		t.Fatal(err)
	}
	got := held()
	if len(got) != 1 || got[0].Scope != "job 7" {
		t.Fatalf("scope holds %v, want its one connection", got)
	}
	mine.Release()
	if got := held(); len(got) != 0 {
		t.Fatalf("scope holds %v after the release", fmt.Sprint(got))
	}
}
