// Command userservice serves the userservice example over HTTP, either as the
// team first wrote it (-variant=leaky) or with its leaks fixed
// (-variant=fixed). It applies schema.sql at start.
//
//	userservice -dsn postgres://localhost/userservice -addr :8080 -variant=leaky
//
// GET /debug/pool shows how many connections each pool has checked out, which
// makes the leaks of the leaky variant visible: the counts climb and never
// come back down.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/dbleaklint/dbleaklint/examples/userservice"
	"github.com/dbleaklint/dbleaklint/examples/userservice/api"
	"github.com/dbleaklint/dbleaklint/examples/userservice/fixed"
	"github.com/dbleaklint/dbleaklint/examples/userservice/leaky"
)

func main() {
	dsn := flag.String("dsn", os.Getenv("DATABASE_URL"), "PostgreSQL connection string (default $DATABASE_URL)")
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	variant := flag.String("variant", "fixed", "implementation to serve: leaky or fixed")
	maxConns := flag.Int("max-conns", 10, "size of each connection pool (pgxpool and database/sql)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *dsn, *addr, *variant, *maxConns); err != nil {
		log.Fatalf("userservice: %v", err)
	}
}

func run(ctx context.Context, dsn, addr, variant string, maxConns int) error {
	if dsn == "" {
		return errors.New("no database: set -dsn or DATABASE_URL")
	}
	if maxConns < 1 {
		return errors.New("-max-conns must be at least 1")
	}

	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return fmt.Errorf("parse -dsn: %w", err)
	}
	cfg.MaxConns = int32(min(maxConns, 1<<20))
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("open pool: %w", err)
	}
	defer closePool(pool, 5*time.Second)

	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return fmt.Errorf("open database/sql: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(maxConns)

	if err := db.PingContext(ctx); err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	// With no arguments Exec uses the simple protocol, which runs every
	// statement of the file.
	if _, err := pool.Exec(ctx, userservice.Schema); err != nil {
		return fmt.Errorf("apply schema: %w", err)
	}

	var store api.Store
	switch variant {
	case "leaky":
		store = leaky.New(pool, db)
	case "fixed":
		store = fixed.New(pool, db)
	default:
		return fmt.Errorf("-variant must be leaky or fixed, not %q", variant)
	}

	mux := http.NewServeMux()
	mux.Handle("/", api.Routes(store))
	mux.HandleFunc("GET /debug/pool", func(w http.ResponseWriter, r *http.Request) {
		ps, ds := pool.Stat(), db.Stats()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "pgxpool: %d acquired, %d idle, %d max\n",
			ps.AcquiredConns(), ps.IdleConns(), ps.MaxConns())
		fmt.Fprintf(w, "database/sql: %d in use, %d idle, %d max\n",
			ds.InUse, ds.Idle, ds.MaxOpenConnections)
	})

	srv := &http.Server{
		Addr:              addr,
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Printf("userservice: serving the %s variant on %s", variant, addr)

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// closePool closes pool, waiting at most timeout: pgxpool's Close waits for
// every acquired connection to be released, which for a leaked one is never.
func closePool(pool *pgxpool.Pool, timeout time.Duration) {
	done := make(chan struct{})
	go func() {
		pool.Close()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(timeout):
		log.Printf("userservice: pool not closed after %v: %d connections still acquired (leaked?)",
			timeout, pool.Stat().AcquiredConns())
	}
}
