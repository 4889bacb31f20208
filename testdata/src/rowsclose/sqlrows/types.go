package sqlrows

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
)

type User struct {
	ID    int64
	Email string
}

type Store struct {
	db *sql.DB
}

// Querier is what *sql.DB, *sql.Conn and *sql.Tx have in common.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

var errQuota = errors.New("order quota exceeded")

// writeUsersCSV reads the rows and leaves closing them to the caller.
func writeUsersCSV(w io.Writer, rows *sql.Rows) error {
	for rows.Next() {
		var id int64
		var email string
		if err := rows.Scan(&id, &email); err != nil {
			return err
		}
		fmt.Fprintf(w, "%d,%s\n", id, email)
	}
	return rows.Err()
}

// closeRows is a same-package helper that closes the rows.
func closeRows(rows *sql.Rows) {
	if err := rows.Close(); err != nil {
		fmt.Println("close rows:", err)
	}
}

// closeQuietly closes the rows, ignoring the error; it is deferred.
func closeQuietly(rows *sql.Rows) {
	_ = rows.Close()
}
