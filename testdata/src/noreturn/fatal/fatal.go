// Package fatal holds test helpers that stop the test, in a package of
// their own that reaches a resource type: the SSA builder exports a
// no-return fact for each, so that in the packages that import it a
// path ending in a call to one is not a leak.
package fatal

import (
	"database/sql"
	"errors"
	"testing"
)

// DB is here so that the package reaches a resource type.
type DB = sql.DB

// Fatal stops the test: it never returns.
func Fatal(t testing.TB, err error) { // want Fatal:`^noReturn$`
	t.Helper()
	t.Fatal(err)
}

// Unreachable never returns, through Fatal: the fact of a helper that
// ends in a call to another.
func Unreachable(t testing.TB, what string) { // want Unreachable:`^noReturn$`
	Fatal(t, errors.New("unreachable: "+what))
}

// Bug panics: a panicking helper never returns either.
func Bug(msg string) { // want Bug:`^noReturn$`
	panic("bug: " + msg)
}

// Check panics on some paths only: no fact.
func Check(err error) {
	if err != nil {
		panic(err)
	}
}

// Log reports the error and returns: no fact.
func Log(t testing.TB, err error) {
	t.Helper()
	t.Log(err)
}
