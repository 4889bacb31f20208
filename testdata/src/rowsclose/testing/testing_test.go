// Package testing holds the cases of tests that state their
// expectations with testify or testing.TB instead of if statements.
package testing

import (
	"context"
	"database/sql"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// require.Error says the query failed: nothing is held after it. // ok
func TestQueryFails(t *testing.T, db *sql.DB) {
	_, err := db.QueryContext(context.Background(), "SELECT nonsense")
	require.Error(t, err)
}

// assert.ErrorIs says the same. // ok
func TestQueryCanceled(t *testing.T, db *sql.DB, ctx context.Context) {
	_, err := db.QueryContext(ctx, "SELECT 1")
	assert.ErrorIs(t, err, context.Canceled)
}

// require.NoError says the query worked: the discarded rows leak.
func TestQueryWorks(t *testing.T, db *sql.DB) {
	_, err := db.QueryContext(context.Background(), "SELECT 1") // want `^rows from db\.QueryContext is not closed: the result is discarded \(on the path that returns at testing_test\.go:31\); use Exec if no rows are wanted$`
	require.NoError(t, err)
}

// require.False(rows.Next()) says the rows are drained, hence closed. // ok
func TestDrained(t *testing.T, conn *pgx.Conn) {
	rows, err := conn.Query(context.Background(), "SELECT 1")
	require.NoError(t, err)
	require.True(t, rows.Next())
	require.False(t, rows.Next())
}

// require.True(rows.Next()) says nothing of the sort: the rows leak.
func TestOneRow(t *testing.T, conn *pgx.Conn) {
	rows, err := conn.Query(context.Background(), "SELECT 1") // want `^rows from conn\.Query is not closed on the path that returns at testing_test\.go:46; defer rows\.Close\(\) after the error check$`
	require.NoError(t, err)
	require.True(t, rows.Next())
}

// The result of Next kept in a variable and passed on: whether the rows
// closed themselves is unknown, so they are not tracked. // ok
func TestNextKept(t *testing.T, db *sql.DB, seen func(bool)) {
	rows, err := db.QueryContext(context.Background(), "SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	seen(rows.Next())
}

// t.Fatal through testing.TB ends the test: not a leak. // ok
func checkCount(t testing.TB, db *sql.DB) {
	rows, err := db.QueryContext(context.Background(), "SELECT count(*) FROM users")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if !rows.Next() {
		t.Fatalf("no row")
	}
}

// A helper taking testing.TB that returns on a path without closing.
func firstID(t testing.TB, db *sql.DB) int64 {
	rows, err := db.QueryContext(context.Background(), "SELECT id FROM users") // want `^rows from db\.QueryContext is not closed on the path that returns at testing_test\.go:82; defer rows\.Close\(\) after the error check$`
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

