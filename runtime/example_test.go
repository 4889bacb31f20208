package dbleakrt_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"testing"

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
