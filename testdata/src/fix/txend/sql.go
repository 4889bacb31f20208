package txend

import (
	"context"
	"database/sql"
)

func rename(ctx context.Context, db *sql.DB, id int64, name string) error {
	tx, err := db.BeginTx(ctx, nil) // want `transaction tx from db\.BeginTx is not committed or rolled back on the path that returns`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id); err != nil {
		return err
	}
	return tx.Commit()
}

func touch(db *sql.DB, id int64) error {
	tx, err := db.Begin() // want `transaction tx from db\.Begin is not committed or rolled back on the path that returns`
	if err != nil {
		panic(err)
	}
	if _, err := tx.Exec("UPDATE users SET seen = now() WHERE id = $1", id); err != nil {
		return err
	}
	return tx.Commit()
}
