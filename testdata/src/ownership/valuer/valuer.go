// Package valuer imports subpackages of the resource libraries that
// declare no resource type: database/sql/driver, as github.com/google/uuid
// does to be a driver.Valuer, and pgx's pgconn, for its error type. It
// cannot hold a resource, so the ownership analyzer builds no SSA for it
// and exports no facts, and neither does it for the many packages that
// import such a package and nothing else of the database.
package valuer

import (
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
)

// ID is a value stored in a database column.
type ID [2]uint64

// Value implements driver.Valuer.
func (id ID) Value() (driver.Value, error) { return fmt.Sprintf("%x-%x", id[0], id[1]), nil }

// Scan reads an ID back.
func (id *ID) Scan(src any) error {
	s, ok := src.(string)
	if !ok {
		return fmt.Errorf("valuer: cannot scan %T", src)
	}
	_, err := fmt.Sscanf(s, "%x-%x", &id[0], &id[1])
	return err
}

// UniqueViolation reports whether err is a unique violation.
func UniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505"
}
