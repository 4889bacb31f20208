package rowsclose

import (
	"database/sql"
	"log"
)

// The explicit Close that the deferred one makes redundant is removed
// only where it is provably the same call at the same point of the
// path; elsewhere it is kept, and the fix's message says why
// (redundant.go.golden).

// Removed: the last statement before a return of variables and
// constants, and a Close on an error path in a nested block.
func names(db *sql.DB, limit int) ([]string, error) {
	// fix: `^Defer rows\.Close\(\) after the error check; remove the redundant rows\.Close\(\) at line 28; remove the redundant rows\.Close\(\) at line 33$`
	rows, err := db.Query("SELECT name FROM users") // want `rows from db\.Query is not closed on the path that returns`
	if err != nil {
		return nil, err
	}
	if limit == 0 {
		return nil, errEmpty
	}
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, n)
	}
	rows.Close()
	return out, nil
}

// Removed: the last statement of a function without results.
func printNames(db *sql.DB) {
	// fix: `^Defer rows\.Close\(\) after the error check; remove the redundant rows\.Close\(\) at line 52$`
	rows, err := db.Query("SELECT name FROM users") // want `rows from db\.Query is not closed on the path that returns`
	if err != nil {
		log.Print(err)
		return
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return
		}
		log.Print(n)
	}
	rows.Close()
}

// Kept: Close's error is used.
func count(db *sql.DB) (int, error) {
	// fix: `^Defer rows\.Close\(\) after the error check; keep rows\.Close\(\) at line 70: its result is used$`
	rows, err := db.Query("SELECT id FROM users") // want `rows from db\.Query is not closed on the path that returns`
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		n++
	}
	if err := rows.Close(); err != nil {
		return 0, err
	}
	return n, nil
}

// Kept: code runs after the explicit Close, which the deferred one
// would run after, and a return whose result is a call.
func firstID(db *sql.DB) (int, error) {
	// fix: `^Defer rows\.Close\(\) after the error check; keep rows\.Close\(\) at line 87: other code runs after it; keep rows\.Close\(\) at line 94: other code runs after it$`
	rows, err := db.Query("SELECT id FROM users") // want `rows from db\.Query is not closed on the path that returns`
	if err != nil {
		return 0, err
	}
	var id int
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, wrap(err)
		}
	}
	if id < 0 {
		return 0, errEmpty
	}
	rows.Close()
	log.Print("read the first id")
	return id, nil
}

func wrap(err error) error { return err }

// Kept: a later defer statement would run before the deferred Close.
func logged(db *sql.DB) error {
	// fix: `^Defer rows\.Close\(\) after the error check; keep rows\.Close\(\) at line 115: a later defer statement would run before the deferred release$`
	rows, err := db.Query("SELECT id FROM users") // want `rows from db\.Query is not closed on the path that returns`
	if err != nil {
		return err
	}
	defer log.Print("logged done")
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return err
		}
	}
	rows.Close()
	return nil
}

// Kept: the explicit Close shares its line with a comment, which
// removing it would lose.
func oneLine(db *sql.DB) error {
	// fix: `^Defer rows\.Close\(\) after the error check; keep rows\.Close\(\) at line 135: it shares its line with other code or a comment$`
	rows, err := db.Query("SELECT id FROM users") // want `rows from db\.Query is not closed on the path that returns`
	if err != nil {
		return err
	}
	if !rows.Next() {
		return rows.Err()
	}
	var id int
	if err := rows.Scan(&id); err != nil {
		return err
	}
	log.Print(id)
	rows.Close() // the connection goes back to the pool here
	return nil
}
