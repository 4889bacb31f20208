package sqlrow

import (
	"database/sql"
	http "nethttp"
	"strconv"
)

// The leak is in a function literal.
func balanceHandler(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		row := db.QueryRowContext(r.Context(), "SELECT balance FROM accounts WHERE user_id = ?", r.FormValue("user")) // want `row from db\.QueryRowContext is not scanned on the path that returns at more\.go:15; call row\.Scan, or use Exec if no row is wanted`
		if r.Method != http.MethodGet {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		var b int64
		if err := row.Scan(&b); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Write([]byte(strconv.FormatInt(b, 10)))
	}
}

// Safe twin: the query is issued only where it is scanned.
func balanceHandlerScanned(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		row := db.QueryRowContext(r.Context(), "SELECT balance FROM accounts WHERE user_id = ?", r.FormValue("user")) // ok
		var b int64
		if err := row.Scan(&b); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Write([]byte(strconv.FormatInt(b, 10)))
	}
}
