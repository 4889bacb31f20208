// Package sink consumes rows that other packages open: a callee of
// another package whose ownership of the rows the analyzer cannot see.
package sink

import (
	"database/sql"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"
)

// WriteUsers writes and closes pgx rows of (id, email).
func WriteUsers(w io.Writer, rows pgx.Rows) error {
	defer rows.Close()
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

// WriteSQLUsers writes and closes database/sql rows of (id, email).
func WriteSQLUsers(w io.Writer, rows *sql.Rows) error {
	defer rows.Close()
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
