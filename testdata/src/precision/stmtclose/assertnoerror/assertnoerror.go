// Package assertnoerror holds the corpus's false alarm (in test code) on
// testify's assert.NoError used as the error guard: it returns true when
// err is nil, so on the edge where it is false nothing was acquired.
//
// Found in github.com/microsoft/go-mssqldb@v1.11.2 tds_test.go:504.
package assertnoerror

import (
	"database/sql"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Clean: go-mssqldb's simpleQuery, the statement returned to the caller.
func simpleQuery(conn *sql.DB, t *testing.T) *sql.Stmt {
	stmt, err := conn.Prepare("select 1 as a")
	if !assert.NoError(t, err, "Prepare failed") {
		return nil
	}
	return stmt
}

// Leaking twin: the statement is neither closed nor returned.
func checkPrepare(conn *sql.DB, t *testing.T) {
	stmt, err := conn.Prepare("select 1 as a") // want `statement stmt from conn\.Prepare is not closed`
	if !assert.NoError(t, err, "Prepare failed") {
		return
	}
	_, _ = stmt.Exec()
}
