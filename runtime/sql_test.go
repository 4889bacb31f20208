package dbleakrt_test

import (
	"context"
	"database/sql"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "github.com/lib/pq"              // registers "postgres"

	dbleakrt "github.com/dbleaklint/dbleaklint/runtime"
	"github.com/dbleaklint/dbleaklint/runtime/internal/testdb"
)

// forEachDriver runs test once per database/sql driver, each with a DB of
// its own.
func forEachDriver(t *testing.T, test func(t *testing.T, d *dbleakrt.DB), opts ...dbleakrt.Option) {
	for _, name := range testdb.Drivers {
		t.Run(name, func(t *testing.T) { test(t, testdb.DB(t, name, opts...)) })
	}
}

// TestSQLTracksEveryKind makes each kind of resource database/sql hands
// out and checks that it is tracked, once, at the line that made it, until
// it is released.
func TestSQLTracksEveryKind(t *testing.T) {
	forEachDriver(t, func(t *testing.T, d *dbleakrt.DB) {
		ctx := context.Background()
		db := d.SQL()
		check := func(what, kind, file string, line int, release func() error) {
			t.Helper()
			held := d.Held()
			if err := release(); err != nil {
				t.Fatalf("%s: release: %v", what, err)
			}
			if len(held) != 1 {
				t.Fatalf("%s: %d resources tracked, want 1: %v", what, len(held), held)
			}
			if got, want := held[0].Site.Location(), location(file, line+1); got != want || held[0].Kind != kind {
				t.Errorf("%s: %s at %s, want %s at %s", what, held[0].Kind, got, kind, want)
			}
			if n := len(d.Held()); n != 0 {
				t.Fatalf("%s: %d resources still tracked after the release", what, n)
			}
		}

		file, line := here()
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := conn.PingContext(ctx); err != nil { // a first use marks a fresh connection too
			t.Fatal(err)
		}
		check("Conn", dbleakrt.KindConn, file, line, conn.Close)

		file, line = here()
		rows, err := db.QueryContext(ctx, "SELECT 1")
		if err != nil {
			t.Fatal(err)
		}
		check("QueryContext", dbleakrt.KindRows, file, line, rows.Close)

		file, line = here()
		row := db.QueryRowContext(ctx, "SELECT 1")
		check("QueryRowContext", dbleakrt.KindRows, file, line, func() error { return row.Scan(new(int)) })

		file, line = here()
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		check("BeginTx", dbleakrt.KindTx, file, line, tx.Rollback)

		file, line = here()
		stmt, err := db.PrepareContext(ctx, "SELECT $1::int")
		if err != nil {
			t.Fatal(err)
		}
		check("PrepareContext", dbleakrt.KindStmt, file, line, stmt.Close)

		stmt, err = db.PrepareContext(ctx, "SELECT $1::int")
		if err != nil {
			t.Fatal(err)
		}
		defer stmt.Close()
		before := len(d.Held())
		file, line = here()
		srows, err := stmt.QueryContext(ctx, 7)
		if err != nil {
			t.Fatal(err)
		}
		if held := d.Held(); len(held) != before+1 || held[len(held)-1].Site.Location() != location(file, line+1) {
			t.Fatalf("Stmt.QueryContext: held %v, want one more, at line %d", held, line+1)
		}
		srows.Close()
	})
}

// TestSQLConnHeldOnceWithItsTx checks that a transaction begun on the
// database is reported once, as a transaction, not also as the connection
// it holds; and that a *sql.Conn holding rows made at another line is
// reported as both.
func TestSQLConnHeldOnceWithItsTx(t *testing.T) {
	forEachDriver(t, func(t *testing.T, d *dbleakrt.DB) {
		ctx := context.Background()
		tx, err := d.SQL().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT 1").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if held := d.Held(); len(held) != 1 || held[0].Kind != dbleakrt.KindTx {
			t.Fatalf("held %v, want the transaction alone", held)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}

		conn, err := d.SQL().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		rows, err := conn.QueryContext(ctx, "SELECT 1")
		if err != nil {
			t.Fatal(err)
		}
		held := d.Held()
		rows.Close()
		if len(held) != 2 || held[0].Kind != dbleakrt.KindConn || held[1].Kind != dbleakrt.KindRows {
			t.Fatalf("held %v, want the connection, then its rows", held)
		}
	})
}

// TestSQLScopeReportsThroughOnLeak leaks rows in a scope and checks that
// the scope's check names them, and that the leak reaches Config.OnLeak and
// LeakCount once however often it is found.
func TestSQLScopeReportsThroughOnLeak(t *testing.T) {
	var got []dbleakrt.Leak
	forEachDriver(t, func(t *testing.T, d *dbleakrt.DB) {
		got = nil
		ctx := context.Background()
		sctx, done := d.Scope(ctx, "job 7")
		other, err := d.SQL().QueryContext(ctx, "SELECT 1") // not in the scope
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		file, line := here()
		rows, err := d.SQL().QueryContext(sctx, "SELECT 1") // leaked on purpose
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		leaks := done()
		if len(leaks) != 1 || leaks[0].Scope != "job 7" || leaks[0].Site.Location() != location(file, line+1) {
			t.Fatalf("scope check = %v, want the scope's rows at line %d", leaks, line+1)
		}
		done()
		d.Report(leaks[0])
		if len(got) != 1 || d.Stat().LeakCount() != 1 {
			t.Fatalf("OnLeak got %d leaks and LeakCount is %d, want 1 and 1", len(got), d.Stat().LeakCount())
		}
	}, dbleakrt.WithOnLeak(func(l dbleakrt.Leak) { got = append(got, l) }))
}

// TestSQLWithTx checks commit, rollback on error and on panic, and
// savepoints, for each driver.
func TestSQLWithTx(t *testing.T) {
	forEachDriver(t, func(t *testing.T, d *dbleakrt.DB) {
		ctx := context.Background()
		table := testdb.SQLTable(t, d, "v int CHECK (v % 5 <> 3)")
		ins := func(v int) func(*sql.Tx) error {
			return func(tx *sql.Tx) error {
				_, err := tx.ExecContext(ctx, "INSERT INTO "+table+" (v) VALUES ($1)", v)
				return err
			}
		}
		if err := d.WithTx(ctx, nil, ins(1)); err != nil {
			t.Fatal(err)
		}
		errFn := errPlanned
		if err := d.WithTx(ctx, nil, func(tx *sql.Tx) error {
			if err := ins(2)(tx); err != nil {
				return err
			}
			return errFn
		}); err != errFn {
			t.Fatalf("WithTx = %v, want fn's error unchanged", err)
		}
		func() {
			defer func() {
				if r := recover(); r != "boom" {
					t.Fatalf("recovered %v, want boom", r)
				}
			}()
			_ = d.WithTx(ctx, nil, func(tx *sql.Tx) error {
				if err := ins(4)(tx); err != nil {
					return err
				}
				panic("boom")
			})
		}()
		var failed []int
		if err := d.WithTx(ctx, nil, func(tx *sql.Tx) error {
			for v := 5; v < 10; v++ {
				if err := dbleakrt.SavepointSQL(ctx, tx, ins(v)); err != nil {
					failed = append(failed, v)
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(failed) != 1 || failed[0] != 8 {
			t.Fatalf("failed items = %v, want [8]", failed)
		}
		var vs []int
		rows, err := d.SQL().QueryContext(ctx, "SELECT v FROM "+table+" ORDER BY v")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			vs = append(vs, v)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		if want := []int{1, 5, 6, 7, 9}; !equal(vs, want) {
			t.Fatalf("committed %v, want %v", vs, want)
		}
		func() {
			defer func() { _ = recover() }()
			_ = d.WithConn(ctx, func(c *sql.Conn) error { panic("boom") })
		}()
		requireNoneHeldSQL(t, d)
	})
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestSQLNextResultSetPassesThrough reads two result sets of one simple
// query through lib/pq, which implements driver.RowsNextResultSet, and
// checks column types through both drivers.
func TestSQLNextResultSetPassesThrough(t *testing.T) {
	ctx := context.Background()
	d := testdb.DB(t, "postgres")
	rows, err := d.SQL().QueryContext(ctx, "SELECT 1; SELECT 2")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []int
	for {
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			got = append(got, v)
		}
		if !rows.NextResultSet() {
			break
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if !equal(got, []int{1, 2}) {
		t.Fatalf("read %v, want [1 2] from two result sets", got)
	}
	forEachDriver(t, func(t *testing.T, d *dbleakrt.DB) {
		rows, err := d.SQL().QueryContext(ctx, "SELECT 1::int4 AS n")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		types, err := rows.ColumnTypes()
		if err != nil {
			t.Fatal(err)
		}
		if len(types) != 1 || types[0].DatabaseTypeName() != "INT4" || types[0].ScanType() == nil {
			t.Fatalf("column types %v, want one INT4 with a scan type", types)
		}
	})
}
