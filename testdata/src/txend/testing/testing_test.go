// Package testing holds txend's cases of test helpers that fail the
// test through testing.TB.
package testing

import (
	"database/sql"
	"testing"
)

// The case that fails the test never reaches the end of the function,
// where the transaction would still be open: t.Fatalf through
// testing.TB does not return. // ok
func expectUpdated(t testing.TB, db *sql.DB, want int64) {
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	res, err := tx.Exec("UPDATE users SET active = true")
	if err != nil {
		t.Fatal(err)
	}
	n, _ := res.RowsAffected()
	switch {
	case n != want:
		t.Fatalf("updated %d rows, want %d", n, want)
	default:
		_ = tx.Commit()
	}
}

// Logging instead of failing lets the path reach the end with the
// transaction open.
func logUpdated(t testing.TB, db *sql.DB, want int64) {
	tx, err := db.Begin() // want `^transaction tx from db\.Begin is not committed or rolled back on the path that returns at testing_test\.go:49; defer tx\.Rollback\(\) after the error check; it is a no-op after Commit$`
	if err != nil {
		t.Fatal(err)
	}
	res, err := tx.Exec("UPDATE users SET active = true")
	if err != nil {
		t.Fatal(err)
	}
	n, _ := res.RowsAffected()
	switch {
	case n != want:
		t.Logf("updated %d rows, want %d", n, want)
	default:
		_ = tx.Commit()
	}
}
