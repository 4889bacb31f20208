// Package sqlxrepo reaches sqlx, a root of the built-in model.
package sqlxrepo

import "github.com/jmoiron/sqlx"

// Names returns the users' names.
func Names(db *sqlx.DB) ([]string, error) {
	var names []string
	err := db.Select(&names, "SELECT name FROM users")
	return names, err
}
