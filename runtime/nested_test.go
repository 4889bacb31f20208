package dbleakrt_test

import (
	"context"
	"strings"
	"testing"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
	"github.com/dbleaklint/dbleaklint/runtime/pooltest"
	"github.com/jackc/pgx/v5/pgxpool"
)

// checkNested checks that exactly one nested acquisition was noted, with
// the held connection at heldSite and the second one at site, and that it
// was logged once.
func checkNested(t *testing.T, nested []dbleakrt.Nested, logs, heldSite, site, scope string) {
	t.Helper()
	if len(nested) != 1 {
		t.Fatalf("%d nested acquisitions noted, want 1: %v", len(nested), nested)
	}
	n := nested[0]
	if n.Held.Site.Location() != heldSite || n.Acquired.Site.Location() != site || n.Scope != scope {
		t.Fatalf("nested: held at %s, acquired at %s, scope %q; want %s, %s, %q",
			n.Held.Site.Location(), n.Acquired.Site.Location(), n.Scope, heldSite, site, scope)
	}
	if !strings.Contains(n.String(), "stack:\n") || len(n.Held.Frames) == 0 || len(n.Acquired.Frames) == 0 {
		t.Fatalf("nested report lacks a stack:\n%s", n)
	}
	if c := strings.Count(logs, "level=WARN"); c != 1 || !strings.Contains(logs, "held_site="+heldSite) {
		t.Fatalf("got %d warnings, want one naming %s:\n%s", c, heldSite, logs)
	}
}

// TestPoolNotesNestedAcquisitions opens a transaction in a scope and, while
// holding it, queries the pool three times from one line: one nested
// acquisition, reported once. The clean twins (the same work on the
// transaction, after the commit, or in another scope) note nothing.
func TestPoolNotesNestedAcquisitions(t *testing.T) {
	ctx := context.Background()
	logs := &syncBuffer{}
	p := testdb.Pool(t, dbleakrt.WithLogger(textLogger(logs)))
	sctx, _ := p.Scope(ctx, "job 1")
	other, _ := p.Scope(ctx, "job 2")

	heldFile, heldLine := here()
	tx, err := p.Pgx().Begin(sctx)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for range 3 {
		if err := tx.QueryRow(sctx, "SELECT 1").Scan(&n); err != nil { // clean: on the tx
			t.Fatal(err)
		}
		if err := p.Pgx().QueryRow(other, "SELECT 1").Scan(&n); err != nil { // clean: another scope
			t.Fatal(err)
		}
		if len(p.Nested()) != 0 {
			t.Fatalf("clean work noted as nested: %v", p.Nested())
		}
	}
	for range 3 {
		file, line := here()
		err := p.Pgx().QueryRow(sctx, "SELECT 1").Scan(&n) // nested on purpose
		if err != nil {
			t.Fatal(err)
		}
		defer func() {
			checkNested(t, p.Nested(), logs.String(), location(heldFile, heldLine+1), location(file, line+1), "job 1")
		}()
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if err := p.Pgx().QueryRow(sctx, "SELECT 1").Scan(&n); err != nil { // clean: after the commit
		t.Fatal(err)
	}
	ft := &fakeT{}
	pooltest.VerifyNone(ft, p)
	if len(ft.errs) != 0 {
		t.Fatalf("VerifyNone without FailOnNested failed: %v", ft.errs)
	}
	pooltest.VerifyNone(ft, p, pooltest.FailOnNested())
	if len(ft.errs) != 1 || !strings.Contains(ft.errs[0], "found 1 nested acquisition in pool") {
		t.Fatalf("VerifyNone with FailOnNested reported %v", ft.errs)
	}
}

// TestDBNotesNestedAcquisitions does the same on database/sql: a query on
// the database while a transaction of the same scope holds a connection.
func TestDBNotesNestedAcquisitions(t *testing.T) {
	logs := &syncBuffer{}
	forEachDriver(t, func(t *testing.T, d *dbleakrt.DB) {
		ctx := context.Background()
		sctx, _ := d.Scope(ctx, "job 1")
		heldFile, heldLine := here()
		tx, err := d.SQL().BeginTx(sctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		var n int
		if err := tx.QueryRowContext(sctx, "SELECT 1").Scan(&n); err != nil { // clean: on the tx
			t.Fatal(err)
		}
		if len(d.Nested()) != 0 {
			t.Fatalf("clean work noted as nested: %v", d.Nested())
		}
		file, line := here()
		if err := d.SQL().QueryRowContext(sctx, "SELECT 1").Scan(&n); err != nil { // nested on purpose
			t.Fatal(err)
		}
		checkNested(t, d.Nested(), logs.String(), location(heldFile, heldLine+1), location(file, line+1), "job 1")
		*logs = syncBuffer{}
	}, dbleakrt.WithLogger(textLogger(logs)))
}

// TestNestedByGoroutine checks the goroutine fallback for code without a
// scope: noted with TrackGoroutines, not without it, and never across
// goroutines.
func TestNestedByGoroutine(t *testing.T) {
	ctx := context.Background()
	for _, track := range []bool{false, true} {
		p := testdb.Pool(t, func(c *dbleakrt.Config) { c.TrackGoroutines = track; c.Logger = discard() })
		c, err := p.Pgx().Acquire(ctx)
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() { // another goroutine: never nested
			defer close(done)
			_ = p.WithConn(ctx, func(*pgxpool.Conn) error { return nil })
		}()
		<-done
		if len(p.Nested()) != 0 {
			t.Fatalf("TrackGoroutines=%v: an acquisition of another goroutine was noted as nested", track)
		}
		if err := p.Pgx().QueryRow(ctx, "SELECT 1").Scan(new(int)); err != nil {
			t.Fatal(err)
		}
		c.Release()
		if got, want := len(p.Nested()), map[bool]int{false: 0, true: 1}[track]; got != want {
			t.Fatalf("TrackGoroutines=%v: %d nested acquisitions noted, want %d", track, got, want)
		}
	}
}
