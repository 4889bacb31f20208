package plain

import (
	"database/sql"
	"testing"
)

func TestQuery(t *testing.T) {
	var db *sql.DB
	_ = db
	if Query() == "" {
		t.Fatal("empty query")
	}
}
