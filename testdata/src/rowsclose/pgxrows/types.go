package pgxrows

import (
	"errors"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"
)

type User struct {
	ID    int64
	Email string
	Admin bool
}

var (
	errNoAdmin = errors.New("no admin")
	errQuota   = errors.New("order quota exceeded")
)

// writeUsersCSV reads the rows and leaves closing them to the caller.
func writeUsersCSV(w io.Writer, rows pgx.Rows) error {
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
func closeRows(rows pgx.Rows) {
	rows.Close()
}

// closeQuietly closes the rows and logs nothing; it is deferred.
func closeQuietly(rows pgx.Rows) {
	if rows != nil {
		rows.Close()
	}
}
