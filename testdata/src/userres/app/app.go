// Package app uses the user-defined resource of userres/dbx.
package app

import (
	"context"

	"userres/dbx"
)

func leak(ctx context.Context, db *dbx.DB) error {
	rows, err := db.Queryx(ctx, "SELECT 1") // want `^rows from db\.Queryx is not closed on the path that returns at app\.go:16; defer rows\.Close\(\) after the error check$`
	if err != nil {
		return err
	}
	if rows.Next() {
		return nil
	}
	return rows.Close()
}

func closed(ctx context.Context, db *dbx.DB) error {
	rows, err := db.Queryx(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	return nil
}

// dbx.Drain is a releasing function of the configuration.
func drained(ctx context.Context, db *dbx.DB) error {
	rows, err := db.Queryx(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	dbx.Drain(rows)
	return nil
}
