package dbleakrt_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"testing"
	"time"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/pooltest"
	"github.com/jackc/pgx/v5"
)

// This example moves money between two accounts in one transaction with
// WithTx, which commits when the function returns nil and rolls back
// otherwise, and records an audit line in a savepoint whose failure must not
// undo the transfer.
func Example() {
	ctx := context.Background()
	pool, err := dbleakrt.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close(ctx)

	errInsufficient := errors.New("insufficient funds")
	err = pool.WithTx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		var balance int
		err := tx.QueryRow(ctx, "UPDATE accounts SET balance = balance - 100 WHERE id = 1 RETURNING balance").Scan(&balance)
		if err != nil {
			return err
		}
		if balance < 0 {
			return errInsufficient // rolled back
		}
		if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance + 100 WHERE id = 2"); err != nil {
			return err
		}
		auditErr := dbleakrt.Savepoint(ctx, tx, func(tx pgx.Tx) error {
			_, err := tx.Exec(ctx, "INSERT INTO audit (msg) VALUES ('transfer 1->2')")
			return err
		})
		if auditErr != nil {
			log.Printf("audit skipped: %v", auditErr) // the transfer still commits
		}
		return nil
	})
	fmt.Println("transfer:", err)
}

// This example is a test that fails when it leaves a connection checked out.
// VerifyNone is deferred after Close, so it runs first.
func Example_verifyNone() {
	testTransfer := func(t *testing.T) {
		ctx := context.Background()
		pool, err := dbleakrt.New(ctx, os.Getenv("DBLEAKLINT_TEST_DATABASE"))
		if err != nil {
			t.Fatal(err)
		}
		defer pool.Close(ctx)
		defer pooltest.VerifyNone(t, pool)

		rows, err := pool.Pgx().Query(ctx, "SELECT id FROM accounts")
		if err != nil {
			t.Fatal(err)
		}
		// Without this Close, VerifyNone would fail the test and name the
		// line of the Query above.
		defer rows.Close()
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			t.Fatal(err)
		}
		t.Log(ids)
	}
	_ = testTransfer
}

// This example opens a tracked database/sql handle, serves HTTP with the
// leak-reporting middleware, and shuts down with a deadline: the server
// first, then the database, which names what is still held if the deadline
// passes.
func Example_database() {
	db, err := dbleakrt.Open("pgx", os.Getenv("DATABASE_URL")) // github.com/jackc/pgx/v5/stdlib
	if err != nil {
		log.Fatal(err)
	}
	db.SQL().SetMaxOpenConns(10)

	mux := http.NewServeMux()
	mux.HandleFunc("POST /orders/{id}/cancel", func(w http.ResponseWriter, r *http.Request) {
		err := db.WithTx(r.Context(), nil, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(r.Context(), "UPDATE orders SET status = 'cancelled' WHERE id = $1", r.PathValue("id"))
			return err
		})
		var exhausted *dbleakrt.ExhaustedError
		if errors.As(err, &exhausted) {
			log.Print(err) // names what holds every connection
		}
		if err != nil {
			http.Error(w, "unavailable", http.StatusServiceUnavailable)
		}
	})
	srv := &http.Server{Addr: "localhost:8080", Handler: db.Middleware(mux, dbleakrt.MiddlewareOptions{})}
	go srv.ListenAndServe()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		log.Printf("http shutdown: %v", err)
	}
	if err := db.Close(ctx); err != nil {
		log.Printf("database close: %v", err) // a *CloseError naming what leaked
	}
}
