package dbleakrt_test

import (
	"context"
	"testing"

	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
	"github.com/jackc/pgx/v5"
)

// TestImplicitAcquisitionsAreTracked checks that the connections taken by
// pgxpool's convenience methods are tracked, each at the caller's line.
func TestImplicitAcquisitionsAreTracked(t *testing.T) {
	ctx := context.Background()
	p := testdb.Pool(t)
	check := func(what, file string, line int, release func()) {
		t.Helper()
		held := p.Held()
		release()
		if len(held) != 1 {
			t.Fatalf("%s: %d connections tracked, want 1", what, len(held))
		}
		if got, want := held[0].Site.Location(), location(file, line+1); got != want {
			t.Errorf("%s: site %s, want %s", what, got, want)
		}
	}

	file, line := here()
	rows, err := p.Pgx().Query(ctx, "SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	check("Query", file, line, rows.Close)

	file, line = here()
	row := p.Pgx().QueryRow(ctx, "SELECT 1")
	check("QueryRow", file, line, func() { _ = row.Scan(new(int)) })

	file, line = here()
	br := p.Pgx().SendBatch(ctx, &pgx.Batch{QueuedQueries: []*pgx.QueuedQuery{{SQL: "SELECT 1"}}})
	check("SendBatch", file, line, func() { _ = br.Close() })

	file, line = here()
	tx, err := p.Pgx().Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	check("Begin", file, line, func() { _ = tx.Rollback(ctx) })

	file, line = here()
	conn, err := p.Pgx().Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	check("Acquire", file, line, conn.Release)

	requireNoneHeld(t, p)
}
