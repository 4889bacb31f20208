// Package svc reaches sqlx through another package of the module.
package svc

import (
	"github.com/jmoiron/sqlx"

	"example.com/reach/sqlxrepo"
)

// Count counts the users' names.
func Count(db *sqlx.DB) int {
	names, _ := sqlxrepo.Names(db)
	return len(names)
}
